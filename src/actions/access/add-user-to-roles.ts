import { defineUserLinkAction } from './define-user-links.js';

export const addUserToRolesAction = defineUserLinkAction('role', true);
