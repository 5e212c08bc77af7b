import { ActionKeys } from '../keys.js';
import { defineLinkAction } from './define-links.js';

export const addGroupToRolesAction = defineLinkAction(ActionKeys.addGroupToRoles, 'group', true);
