import { ActionKeys } from '../keys.js';
import { defineMemberLinkAction } from './define-member-links.js';

export const removeRoleFromUsersAction = defineMemberLinkAction(
  ActionKeys.removeRoleFromUsers,
  'role',
  false,
);
