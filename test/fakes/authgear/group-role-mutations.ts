/** Create/update/delete for groups and roles (keys validated like pkg/lib/rolesgroups/key.go). */
import { type FakeContext, inputOf, type RootField, str } from './context.js';
import { FakeApiError, groupDuplicateKey, groupNotFound, roleDuplicateKey, roleNotFound } from './errors.js';
import { rawIdOrThrow } from './lookup.js';
import type { FakeGroup, FakeRole } from './model.js';
import { isRoleGroupKey } from './role-group-key.js';
import { groupView, roleView } from './views.js';

const validateKey = (key: string): string => {
  if (!isRoleGroupKey(key)) {
    throw new FakeApiError('Invalid', 'ValidationFailed', 'invalid value', {
      causes: [{ kind: 'format', location: '', details: { format: 'x_role_group_key' } }],
    });
  }
  return key;
};

/** `name`/`description`: absent keeps the value, null or "" clears it (Authgear stores null for empty). */
const optionalText = (
  input: Record<string, unknown>,
  field: string,
  current: string | null,
): string | null => {
  if (!(field in input) || input[field] === null) return current;
  const value = str(input[field]);
  return value === undefined || value === '' ? null : value;
};

const findGroup = (ctx: FakeContext, nodeId: unknown): FakeGroup => {
  const group = ctx.store.groupById(rawIdOrThrow(nodeId, 'Group'));
  if (group === undefined) throw groupNotFound();
  return group;
};

const findRole = (ctx: FakeContext, nodeId: unknown): FakeRole => {
  const role = ctx.store.roleById(rawIdOrThrow(nodeId, 'Role'));
  if (role === undefined) throw roleNotFound();
  return role;
};

export const groupRoleMutations: Record<string, RootField> = {
  createGroup: (args, ctx) => {
    const input = inputOf(args);
    const key = validateKey(str(input.key) ?? '');
    if (ctx.store.group(key) !== undefined) throw groupDuplicateKey();
    const group = ctx.store.addGroup({
      key,
      name: optionalText(input, 'name', null),
      description: optionalText(input, 'description', null),
    });
    return { group: groupView(ctx.store, group) };
  },
  updateGroup: (args, ctx) => {
    const input = inputOf(args);
    const group = findGroup(ctx, input.id);
    const key = str(input.key);
    if (key !== undefined && key !== group.key) {
      validateKey(key);
      if (ctx.store.group(key) !== undefined) throw groupDuplicateKey();
      group.key = key;
    }
    group.name = optionalText(input, 'name', group.name);
    group.description = optionalText(input, 'description', group.description);
    group.updatedAt = ctx.store.nowIso();
    return { group: groupView(ctx.store, group) };
  },
  deleteGroup: (args, ctx) => {
    const group = findGroup(ctx, inputOf(args).id);
    for (const u of ctx.store.usersInGroup(group.id)) ctx.store.touch(u);
    ctx.store.removeGroup(group.id);
    return { ok: true };
  },
  createRole: (args, ctx) => {
    const input = inputOf(args);
    const key = validateKey(str(input.key) ?? '');
    if (ctx.store.role(key) !== undefined) throw roleDuplicateKey();
    const role = ctx.store.addRole({
      key,
      name: optionalText(input, 'name', null),
      description: optionalText(input, 'description', null),
    });
    return { role: roleView(ctx.store, role) };
  },
  updateRole: (args, ctx) => {
    const input = inputOf(args);
    const role = findRole(ctx, input.id);
    const key = str(input.key);
    if (key !== undefined && key !== role.key) {
      validateKey(key);
      if (ctx.store.role(key) !== undefined) throw roleDuplicateKey();
      role.key = key;
    }
    role.name = optionalText(input, 'name', role.name);
    role.description = optionalText(input, 'description', role.description);
    role.updatedAt = ctx.store.nowIso();
    return { role: roleView(ctx.store, role) };
  },
  /** Also removes the role from every group and user, as Authgear does. */
  deleteRole: (args, ctx) => {
    const role = findRole(ctx, inputOf(args).id);
    for (const u of ctx.store.usersWithRole(role.id)) ctx.store.touch(u);
    ctx.store.removeRole(role.id);
    return { ok: true };
  },
};
