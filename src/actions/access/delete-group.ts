import { ActionKeys } from '../keys.js';
import { defineDeleteAction } from './define-delete.js';

export const deleteGroupAction = defineDeleteAction(ActionKeys.deleteGroup, 'group');
