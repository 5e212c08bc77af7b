import { defineDeleteAction } from './define-delete.js';

export const deleteGroupAction = defineDeleteAction('group');
