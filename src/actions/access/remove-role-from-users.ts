import { defineMemberLinkAction } from './define-member-links.js';

export const removeRoleFromUsersAction = defineMemberLinkAction('role', false);
