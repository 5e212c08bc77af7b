/**
 * The twelve link mutations between users, groups and roles (pkg/lib/rolesgroups/store_*.go). Unknown keys in a
 * list are reported together in `info.keys` (or `info.ids` for users); the request's transaction is rolled back,
 * so nothing changes. Unknown ROLE keys given to a group come back as `GroupUnknownKeys` (store_group_role.go).
 */
import { type FakeContext, inputOf, type RootField, str, strList } from './context.js';
import { groupNotFound, groupUnknownKeys, roleNotFound, roleUnknownKeys, userUnknownKeys } from './errors.js';
import { rawIdOrThrow, requireUser } from './lookup.js';
import type { FakeGroup, FakeRole, FakeUser } from './model.js';
import { userPayload } from './user-status-mutations.js';
import { groupView, roleView } from './views.js';

const groupByKey = (ctx: FakeContext, key: unknown): FakeGroup => {
  const group = ctx.store.group(str(key) ?? '');
  if (group === undefined) throw groupNotFound();
  return group;
};

const roleByKey = (ctx: FakeContext, key: unknown): FakeRole => {
  const role = ctx.store.role(str(key) ?? '');
  if (role === undefined) throw roleNotFound();
  return role;
};

const groupsByKeys = (ctx: FakeContext, keys: unknown): FakeGroup[] => {
  const list = strList(keys);
  const unknown = list.filter((k) => ctx.store.group(k) === undefined);
  if (unknown.length > 0) throw groupUnknownKeys(unknown, 'group');
  return list.map((k) => groupByKey(ctx, k));
};

const rolesByKeys = (
  ctx: FakeContext,
  keys: unknown,
  reason: 'RoleUnknownKeys' | 'GroupUnknownKeys',
): FakeRole[] => {
  const list = strList(keys);
  const unknown = list.filter((k) => ctx.store.role(k) === undefined);
  if (unknown.length > 0)
    throw reason === 'RoleUnknownKeys' ? roleUnknownKeys(unknown) : groupUnknownKeys(unknown, 'role');
  return list.map((k) => roleByKey(ctx, k));
};

/** Node IDs → users; a bad node ID is Invalid, unknown users are listed by raw ID in UserUnknownKeys. */
const usersByIds = (ctx: FakeContext, ids: unknown): FakeUser[] => {
  const rawIds = strList(ids).map((id) => rawIdOrThrow(id, 'User'));
  const unknown = rawIds.filter((id) => ctx.store.user(id) === undefined);
  if (unknown.length > 0) throw userUnknownKeys(unknown);
  return rawIds.flatMap((id) => ctx.store.user(id) ?? []);
};

const link = (set: Set<string>, id: string, add: boolean): void => {
  if (add) set.add(id);
  else set.delete(id);
};

const userGroups =
  (add: boolean): RootField =>
  (args, ctx) => {
    const input = inputOf(args);
    const u = requireUser(ctx.store, input.userID);
    for (const g of groupsByKeys(ctx, input.groupKeys)) link(u.groupIds, g.id, add);
    return userPayload(ctx, u);
  };

const userRoles =
  (add: boolean): RootField =>
  (args, ctx) => {
    const input = inputOf(args);
    const u = requireUser(ctx.store, input.userID);
    for (const r of rolesByKeys(ctx, input.roleKeys, 'RoleUnknownKeys')) link(u.roleIds, r.id, add);
    return userPayload(ctx, u);
  };

const groupUsers =
  (add: boolean): RootField =>
  (args, ctx) => {
    const input = inputOf(args);
    const g = groupByKey(ctx, input.groupKey);
    for (const u of usersByIds(ctx, input.userIDs)) {
      link(u.groupIds, g.id, add);
      ctx.store.touch(u);
    }
    return { group: groupView(ctx.store, g) };
  };

const roleUsers =
  (add: boolean): RootField =>
  (args, ctx) => {
    const input = inputOf(args);
    const r = roleByKey(ctx, input.roleKey);
    for (const u of usersByIds(ctx, input.userIDs)) {
      link(u.roleIds, r.id, add);
      ctx.store.touch(u);
    }
    return { role: roleView(ctx.store, r) };
  };

const groupRoles =
  (add: boolean): RootField =>
  (args, ctx) => {
    const input = inputOf(args);
    const g = groupByKey(ctx, input.groupKey);
    for (const r of rolesByKeys(ctx, input.roleKeys, 'GroupUnknownKeys')) link(g.roleIds, r.id, add);
    return { group: groupView(ctx.store, g) };
  };

const roleGroups =
  (add: boolean): RootField =>
  (args, ctx) => {
    const input = inputOf(args);
    const r = roleByKey(ctx, input.roleKey);
    for (const g of groupsByKeys(ctx, input.groupKeys)) link(g.roleIds, r.id, add);
    return { role: roleView(ctx.store, r) };
  };

export const membershipMutations: Record<string, RootField> = {
  addUserToGroups: userGroups(true),
  removeUserFromGroups: userGroups(false),
  addUserToRoles: userRoles(true),
  removeUserFromRoles: userRoles(false),
  addGroupToUsers: groupUsers(true),
  removeGroupFromUsers: groupUsers(false),
  addRoleToUsers: roleUsers(true),
  removeRoleFromUsers: roleUsers(false),
  addGroupToRoles: groupRoles(true),
  removeGroupFromRoles: groupRoles(false),
  addRoleToGroups: roleGroups(true),
  removeRoleFromGroups: roleGroups(false),
};
