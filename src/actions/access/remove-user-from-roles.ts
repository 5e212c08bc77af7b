import { ActionKeys } from '../keys.js';
import { defineUserLinkAction } from './define-user-links.js';

export const removeUserFromRolesAction = defineUserLinkAction(ActionKeys.removeUserFromRoles, 'role', false);
