import { ActionKeys } from '../keys.js';
import { defineUserLinkAction } from './define-user-links.js';

export const removeUserFromGroupsAction = defineUserLinkAction(
  ActionKeys.removeUserFromGroups,
  'group',
  false,
);
