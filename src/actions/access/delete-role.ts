import { defineDeleteAction } from './define-delete.js';

export const deleteRoleAction = defineDeleteAction('role');
