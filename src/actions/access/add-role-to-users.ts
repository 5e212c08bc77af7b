import { defineMemberLinkAction } from './define-member-links.js';

export const addRoleToUsersAction = defineMemberLinkAction('role', true);
