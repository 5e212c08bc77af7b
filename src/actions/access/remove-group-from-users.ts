import { ActionKeys } from '../keys.js';
import { defineMemberLinkAction } from './define-member-links.js';

export const removeGroupFromUsersAction = defineMemberLinkAction(
  ActionKeys.removeGroupFromUsers,
  'group',
  false,
);
