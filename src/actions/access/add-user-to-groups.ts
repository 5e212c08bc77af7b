import { defineUserLinkAction } from './define-user-links.js';

export const addUserToGroupsAction = defineUserLinkAction('group', true);
