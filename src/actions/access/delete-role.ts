import { ActionKeys } from '../keys.js';
import { defineDeleteAction } from './define-delete.js';

export const deleteRoleAction = defineDeleteAction(ActionKeys.deleteRole, 'role');
