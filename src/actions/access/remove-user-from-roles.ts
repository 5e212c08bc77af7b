import { defineUserLinkAction } from './define-user-links.js';

export const removeUserFromRolesAction = defineUserLinkAction('role', false);
