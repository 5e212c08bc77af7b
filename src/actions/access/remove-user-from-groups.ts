import { defineUserLinkAction } from './define-user-links.js';

export const removeUserFromGroupsAction = defineUserLinkAction('group', false);
