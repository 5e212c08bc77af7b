import { ActionKeys } from '../keys.js';
import { defineUpdateAction } from './define-update.js';

export const updateRoleAction = defineUpdateAction(ActionKeys.updateRole, 'role');
