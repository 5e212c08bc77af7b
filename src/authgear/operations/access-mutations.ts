import {
  CreateGroupDocument,
  type CreateGroupMutation,
  CreateRoleDocument,
  DeleteGroupDocument,
  DeleteRoleDocument,
  UpdateGroupDocument,
  UpdateRoleDocument,
} from '../documents/operations.generated.js';
import { defineOperation } from '../operation.js';

/** Create, update and delete for groups and roles. `name`/`description`: null keeps, "" clears (Authgear's rule). */

export type SavedAccessNode = CreateGroupMutation['createGroup']['group'];

export const createGroup = defineOperation(CreateGroupDocument);
export const updateGroup = defineOperation(UpdateGroupDocument);
export const deleteGroup = defineOperation(DeleteGroupDocument);
export const createRole = defineOperation(CreateRoleDocument);
export const updateRole = defineOperation(UpdateRoleDocument);
export const deleteRole = defineOperation(DeleteRoleDocument);
