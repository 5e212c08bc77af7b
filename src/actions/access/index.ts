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

/** Actions a group card or role card offers, by the kind of key they start from (the key is their first argument). */
export const GROUP_CARD_ACTIONS = [
  'update-group',
  'add-group-to-roles',
  'remove-group-from-roles',
  'add-group-to-users',
  'remove-group-from-users',
  'delete-group',
] as const;
export const ROLE_CARD_ACTIONS = [
  'update-role',
  'add-role-to-groups',
  'remove-role-from-groups',
  'add-role-to-users',
  'remove-role-from-users',
  'delete-role',
] as const;
