import { defineCreateAction } from './define-create.js';

export const createRoleAction = defineCreateAction('role');
