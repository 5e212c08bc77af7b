import { defineLinkAction } from './define-links.js';

export const removeRoleFromGroupsAction = defineLinkAction('role', false);
