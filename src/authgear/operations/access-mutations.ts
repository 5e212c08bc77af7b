import { z } from 'zod';
import { defineOperation } from '../operation.js';

/** Create, update and delete for groups and roles. `name`/`description`: null keeps, "" clears (Authgear's rule). */

const saved = z.object({
  id: z.string(),
  key: z.string(),
  name: z.string().nullish(),
  description: z.string().nullish(),
});
export type SavedAccessNode = z.output<typeof saved>;

export interface CreateAccessInput {
  key: string;
  name: string | null;
  description: string | null;
}

export interface UpdateAccessInput {
  id: string;
  key: string | null;
  name: string | null;
  description: string | null;
}

export const createGroup = defineOperation<
  { input: CreateAccessInput },
  { createGroup: { group: SavedAccessNode } }
>(
  'CreateGroup',
  /* GraphQL */ `
    mutation CreateGroup($input: CreateGroupInput!) {
      createGroup(input: $input) { group { id key name description } }
    }
  `,
  z.object({ createGroup: z.object({ group: saved }) }),
);

export const updateGroup = defineOperation<
  { input: UpdateAccessInput },
  { updateGroup: { group: SavedAccessNode } }
>(
  'UpdateGroup',
  /* GraphQL */ `
    mutation UpdateGroup($input: UpdateGroupInput!) {
      updateGroup(input: $input) { group { id key name description } }
    }
  `,
  z.object({ updateGroup: z.object({ group: saved }) }),
);

export const deleteGroup = defineOperation<
  { input: { id: string } },
  { deleteGroup: { ok?: boolean | null } }
>(
  'DeleteGroup',
  /* GraphQL */ `
    mutation DeleteGroup($input: DeleteGroupInput!) {
      deleteGroup(input: $input) { ok }
    }
  `,
  z.object({ deleteGroup: z.object({ ok: z.boolean().nullish() }) }),
);

export const createRole = defineOperation<
  { input: CreateAccessInput },
  { createRole: { role: SavedAccessNode } }
>(
  'CreateRole',
  /* GraphQL */ `
    mutation CreateRole($input: CreateRoleInput!) {
      createRole(input: $input) { role { id key name description } }
    }
  `,
  z.object({ createRole: z.object({ role: saved }) }),
);

export const updateRole = defineOperation<
  { input: UpdateAccessInput },
  { updateRole: { role: SavedAccessNode } }
>(
  'UpdateRole',
  /* GraphQL */ `
    mutation UpdateRole($input: UpdateRoleInput!) {
      updateRole(input: $input) { role { id key name description } }
    }
  `,
  z.object({ updateRole: z.object({ role: saved }) }),
);

export const deleteRole = defineOperation<{ input: { id: string } }, { deleteRole: { ok?: boolean | null } }>(
  'DeleteRole',
  /* GraphQL */ `
    mutation DeleteRole($input: DeleteRoleInput!) {
      deleteRole(input: $input) { ok }
    }
  `,
  z.object({ deleteRole: z.object({ ok: z.boolean().nullish() }) }),
);
