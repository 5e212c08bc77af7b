import { z } from 'zod';
import { defineOperation, type Operation } from '../operation.js';

/**
 * The twelve link mutations between users, groups and roles. Each takes a whole list, so linking one role to
 * twenty groups is one request. Payloads are read only for their ID: the action already knows what it linked.
 */

const payload = (field: string, owner: 'group' | 'role' | 'user') =>
  z.object({ [field]: z.object({ [owner]: z.object({ id: z.string() }) }) });

type Data = Record<string, unknown>;

const link = <V>(
  name: string,
  field: string,
  inputType: string,
  owner: 'group' | 'role' | 'user',
): Operation<V, Data> =>
  defineOperation<V, Data>(
    name,
    /* GraphQL */ `
    mutation ${name}($input: ${inputType}!) {
      ${field}(input: $input) { ${owner} { id } }
    }
  `,
    payload(field, owner),
  );

export type RoleGroupsVars = { input: { roleKey: string; groupKeys: string[] } };
export type GroupRolesVars = { input: { groupKey: string; roleKeys: string[] } };
export type RoleUsersVars = { input: { roleKey: string; userIDs: string[] } };
export type GroupUsersVars = { input: { groupKey: string; userIDs: string[] } };
export type UserRolesVars = { input: { userID: string; roleKeys: string[] } };
export type UserGroupsVars = { input: { userID: string; groupKeys: string[] } };

export const addRoleToGroups = link<RoleGroupsVars>(
  'AddRoleToGroups',
  'addRoleToGroups',
  'AddRoleToGroupsInput',
  'role',
);
export const removeRoleFromGroups = link<RoleGroupsVars>(
  'RemoveRoleFromGroups',
  'removeRoleFromGroups',
  'RemoveRoleFromGroupsInput',
  'role',
);
export const addGroupToRoles = link<GroupRolesVars>(
  'AddGroupToRoles',
  'addGroupToRoles',
  'AddGroupToRolesInput',
  'group',
);
export const removeGroupFromRoles = link<GroupRolesVars>(
  'RemoveGroupFromRoles',
  'removeGroupFromRoles',
  'RemoveGroupFromRolesInput',
  'group',
);
export const addRoleToUsers = link<RoleUsersVars>(
  'AddRoleToUsers',
  'addRoleToUsers',
  'AddRoleToUsersInput',
  'role',
);
export const removeRoleFromUsers = link<RoleUsersVars>(
  'RemoveRoleFromUsers',
  'removeRoleFromUsers',
  'RemoveRoleFromUsersInput',
  'role',
);
export const addGroupToUsers = link<GroupUsersVars>(
  'AddGroupToUsers',
  'addGroupToUsers',
  'AddGroupToUsersInput',
  'group',
);
export const removeGroupFromUsers = link<GroupUsersVars>(
  'RemoveGroupFromUsers',
  'removeGroupFromUsers',
  'RemoveGroupFromUsersInput',
  'group',
);
export const addUserToRoles = link<UserRolesVars>(
  'AddUserToRoles',
  'addUserToRoles',
  'AddUserToRolesInput',
  'user',
);
export const removeUserFromRoles = link<UserRolesVars>(
  'RemoveUserFromRoles',
  'removeUserFromRoles',
  'RemoveUserFromRolesInput',
  'user',
);
export const addUserToGroups = link<UserGroupsVars>(
  'AddUserToGroups',
  'addUserToGroups',
  'AddUserToGroupsInput',
  'user',
);
export const removeUserFromGroups = link<UserGroupsVars>(
  'RemoveUserFromGroups',
  'removeUserFromGroups',
  'RemoveUserFromGroupsInput',
  'user',
);
