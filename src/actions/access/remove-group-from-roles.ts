import { ActionKeys } from '../keys.js';
import { defineLinkAction } from './define-links.js';

export const removeGroupFromRolesAction = defineLinkAction(ActionKeys.removeGroupFromRoles, 'group', false);
