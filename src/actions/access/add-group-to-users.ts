import { defineMemberLinkAction } from './define-member-links.js';

export const addGroupToUsersAction = defineMemberLinkAction('group', true);
