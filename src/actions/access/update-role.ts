import { defineUpdateAction } from './define-update.js';

export const updateRoleAction = defineUpdateAction('role');
