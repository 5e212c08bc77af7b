import { ActionKeys } from '../keys.js';
import { defineUserLinkAction } from './define-user-links.js';

export const addUserToGroupsAction = defineUserLinkAction(ActionKeys.addUserToGroups, 'group', true);
