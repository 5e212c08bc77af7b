import {
  AddGroupToRolesDocument,
  AddGroupToUsersDocument,
  AddRoleToGroupsDocument,
  AddRoleToUsersDocument,
  AddUserToGroupsDocument,
  AddUserToRolesDocument,
  RemoveGroupFromRolesDocument,
  RemoveGroupFromUsersDocument,
  RemoveRoleFromGroupsDocument,
  RemoveRoleFromUsersDocument,
  RemoveUserFromGroupsDocument,
  RemoveUserFromRolesDocument,
} from '../documents/operations.generated.js';
import { defineOperation } from '../operation.js';

/**
 * The twelve link mutations between users, groups and roles. Each takes a whole list, so linking one role to
 * twenty groups is one request. Payloads are read only for their ID: the action already knows what it linked.
 */
export const addRoleToGroups = defineOperation(AddRoleToGroupsDocument);
export const removeRoleFromGroups = defineOperation(RemoveRoleFromGroupsDocument);
export const addGroupToRoles = defineOperation(AddGroupToRolesDocument);
export const removeGroupFromRoles = defineOperation(RemoveGroupFromRolesDocument);
export const addRoleToUsers = defineOperation(AddRoleToUsersDocument);
export const removeRoleFromUsers = defineOperation(RemoveRoleFromUsersDocument);
export const addGroupToUsers = defineOperation(AddGroupToUsersDocument);
export const removeGroupFromUsers = defineOperation(RemoveGroupFromUsersDocument);
export const addUserToRoles = defineOperation(AddUserToRolesDocument);
export const removeUserFromRoles = defineOperation(RemoveUserFromRolesDocument);
export const addUserToGroups = defineOperation(AddUserToGroupsDocument);
export const removeUserFromGroups = defineOperation(RemoveUserFromGroupsDocument);
