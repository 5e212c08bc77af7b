import { ActionKeys } from '../keys.js';
import { defineMemberLinkAction } from './define-member-links.js';

export const addRoleToUsersAction = defineMemberLinkAction(ActionKeys.addRoleToUsers, 'role', true);
