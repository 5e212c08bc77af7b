import { defineLinkAction } from './define-links.js';

export const removeGroupFromRolesAction = defineLinkAction('group', false);
