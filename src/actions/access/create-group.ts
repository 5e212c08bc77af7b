import { defineCreateAction } from './define-create.js';

export const createGroupAction = defineCreateAction('group');
