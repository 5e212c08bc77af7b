import { ActionKeys } from '../keys.js';
import { defineCreateAction } from './define-create.js';

export const createGroupAction = defineCreateAction(ActionKeys.createGroup, 'group');
