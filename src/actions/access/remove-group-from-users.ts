import { defineMemberLinkAction } from './define-member-links.js';

export const removeGroupFromUsersAction = defineMemberLinkAction('group', false);
