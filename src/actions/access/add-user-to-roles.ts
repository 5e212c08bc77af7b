import { ActionKeys } from '../keys.js';
import { defineUserLinkAction } from './define-user-links.js';

export const addUserToRolesAction = defineUserLinkAction(ActionKeys.addUserToRoles, 'role', true);
