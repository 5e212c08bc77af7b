import { defineLinkAction } from './define-links.js';

export const addRoleToGroupsAction = defineLinkAction('role', true);
