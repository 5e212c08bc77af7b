import { defineUpdateAction } from './define-update.js';

export const updateGroupAction = defineUpdateAction('group');
