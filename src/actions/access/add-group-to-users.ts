import { ActionKeys } from '../keys.js';
import { defineMemberLinkAction } from './define-member-links.js';

export const addGroupToUsersAction = defineMemberLinkAction(ActionKeys.addGroupToUsers, 'group', true);
