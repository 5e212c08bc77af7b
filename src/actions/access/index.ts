import { type ActionKey, ActionKeys } from '../keys.js';
import type { AnyActionDefinition } from '../types.js';
import { addGroupToRolesAction } from './add-group-to-roles.js';
import { addGroupToUsersAction } from './add-group-to-users.js';
import { addRoleToGroupsAction } from './add-role-to-groups.js';
import { addRoleToUsersAction } from './add-role-to-users.js';
import { addUserToGroupsAction } from './add-user-to-groups.js';
import { addUserToRolesAction } from './add-user-to-roles.js';
import { createGroupAction } from './create-group.js';
import { createRoleAction } from './create-role.js';
import { deleteGroupAction } from './delete-group.js';
import { deleteRoleAction } from './delete-role.js';
import { removeGroupFromRolesAction } from './remove-group-from-roles.js';
import { removeGroupFromUsersAction } from './remove-group-from-users.js';
import { removeRoleFromGroupsAction } from './remove-role-from-groups.js';
import { removeRoleFromUsersAction } from './remove-role-from-users.js';
import { removeUserFromGroupsAction } from './remove-user-from-groups.js';
import { removeUserFromRolesAction } from './remove-user-from-roles.js';
import { updateGroupAction } from './update-group.js';
import { updateRoleAction } from './update-role.js';

/** Every group and role action. Each lives in its own file in this folder (the define-*.ts files are shared). */
export const accessActions: readonly AnyActionDefinition[] = [
  createGroupAction,
  updateGroupAction,
  deleteGroupAction,
  createRoleAction,
  updateRoleAction,
  deleteRoleAction,
  addRoleToGroupsAction,
  removeRoleFromGroupsAction,
  addGroupToRolesAction,
  removeGroupFromRolesAction,
  addUserToRolesAction,
  removeUserFromRolesAction,
  addRoleToUsersAction,
  removeRoleFromUsersAction,
  addUserToGroupsAction,
  removeUserFromGroupsAction,
  addGroupToUsersAction,
  removeGroupFromUsersAction,
];

/** A button on a group or role card: the action (its key is the card's key) and how the button reads. */
export interface AccessCardAction {
  readonly key: ActionKey;
  readonly label: string;
  readonly style?: 'danger';
  /** The card's key is the action's whole input (a delete): the click goes straight to the confirmation. */
  readonly keyIsInput?: true;
}

/** Actions a group card or role card offers, in button order. */
export const GROUP_CARD_ACTIONS: readonly AccessCardAction[] = [
  { key: ActionKeys.updateGroup, label: 'Edit' },
  { key: ActionKeys.addGroupToRoles, label: 'Add roles' },
  { key: ActionKeys.removeGroupFromRoles, label: 'Remove roles' },
  { key: ActionKeys.addGroupToUsers, label: 'Add members' },
  { key: ActionKeys.removeGroupFromUsers, label: 'Remove members' },
  { key: ActionKeys.deleteGroup, label: 'Delete', style: 'danger', keyIsInput: true },
];
export const ROLE_CARD_ACTIONS: readonly AccessCardAction[] = [
  { key: ActionKeys.updateRole, label: 'Edit' },
  { key: ActionKeys.addRoleToGroups, label: 'Add to groups' },
  { key: ActionKeys.removeRoleFromGroups, label: 'Remove from groups' },
  { key: ActionKeys.addRoleToUsers, label: 'Give to users' },
  { key: ActionKeys.removeRoleFromUsers, label: 'Take from users' },
  { key: ActionKeys.deleteRole, label: 'Delete', style: 'danger', keyIsInput: true },
];
