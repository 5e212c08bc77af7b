import { ActionKeys } from '../keys.js';
import { defineLinkAction } from './define-links.js';

export const addRoleToGroupsAction = defineLinkAction(ActionKeys.addRoleToGroups, 'role', true);
