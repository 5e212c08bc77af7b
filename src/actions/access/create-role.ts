import { ActionKeys } from '../keys.js';
import { defineCreateAction } from './define-create.js';

export const createRoleAction = defineCreateAction(ActionKeys.createRole, 'role');
