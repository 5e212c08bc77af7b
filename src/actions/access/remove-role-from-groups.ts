import { ActionKeys } from '../keys.js';
import { defineLinkAction } from './define-links.js';

export const removeRoleFromGroupsAction = defineLinkAction(ActionKeys.removeRoleFromGroups, 'role', false);
