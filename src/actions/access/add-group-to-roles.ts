import { defineLinkAction } from './define-links.js';

export const addGroupToRolesAction = defineLinkAction('group', true);
