import { ActionKeys } from '../keys.js';
import { defineUpdateAction } from './define-update.js';

export const updateGroupAction = defineUpdateAction(ActionKeys.updateGroup, 'group');
