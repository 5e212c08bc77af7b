import { randomUUID } from 'node:crypto';
import type {
  FakeAuditLog,
  FakeAuthenticator,
  FakeAuthorization,
  FakeGroup,
  FakeIdentity,
  FakeRole,
  FakeSentMessage,
  FakeSession,
  FakeUser,
  LoginIdKey,
} from './model.js';
import { ResourceStore } from './resource-store.js';
import { buildUser, type FakeUserSeed, normalizeLoginId } from './seed.js';

export interface FakeGroupSeed {
  key: string;
  name?: string | null;
  description?: string | null;
  /** Role keys; missing roles are created. */
  roles?: string[];
  id?: string;
  createdAt?: string;
}

export interface FakeRoleSeed {
  key: string;
  name?: string | null;
  description?: string | null;
  id?: string;
  createdAt?: string;
}

export interface FakeAuditLogSeed {
  activityType: string;
  createdAt?: string;
  /** Raw user ID (not a node ID). */
  userId?: string | null;
  ipAddress?: string | null;
  userAgent?: string | null;
  clientID?: string | null;
  data?: Record<string, unknown> | null;
  id?: string;
}

export interface Owned<T> {
  user: FakeUser;
  item: T;
}

/** In-memory Authgear project: users, groups, roles, audit logs, and what was "sent". Insertion order is kept. */
export class FakeStore {
  readonly sentMessages: FakeSentMessage[] = [];
  /** API resources, scopes and the OAuth clients configured in the project. */
  readonly resources: ResourceStore = new ResourceStore(() => this.nowIso());
  /** OAuth provider aliases configured in the project (identity.oauth.providers[].alias). */
  readonly oauthProviders = new Set<string>();
  private readonly usersById = new Map<string, FakeUser>();
  private readonly groupsById = new Map<string, FakeGroup>();
  private readonly rolesById = new Map<string, FakeRole>();
  private readonly logs: FakeAuditLog[] = [];

  constructor(readonly now: () => Date = () => new Date()) {}

  nowIso(): string {
    return this.now().toISOString();
  }

  // ---- seeding -------------------------------------------------------------------------------------------

  addUser(seed: FakeUserSeed = {}): FakeUser {
    const user = buildUser(seed, this.nowIso());
    if (this.usersById.has(user.id)) throw new Error(`fake: user ${user.id} already exists`);
    for (const key of seed.groups ?? []) user.groupIds.add((this.group(key) ?? this.addGroup({ key })).id);
    for (const key of seed.roles ?? []) user.roleIds.add((this.role(key) ?? this.addRole({ key })).id);
    this.usersById.set(user.id, user);
    return user;
  }

  addGroup(seed: FakeGroupSeed): FakeGroup {
    if (this.group(seed.key) !== undefined) throw new Error(`fake: group ${seed.key} already exists`);
    const at = seed.createdAt ?? this.nowIso();
    const group: FakeGroup = {
      id: seed.id ?? randomUUID(),
      key: seed.key,
      name: seed.name ?? null,
      description: seed.description ?? null,
      roleIds: new Set((seed.roles ?? []).map((key) => (this.role(key) ?? this.addRole({ key })).id)),
      createdAt: at,
      updatedAt: at,
    };
    this.groupsById.set(group.id, group);
    return group;
  }

  addRole(seed: FakeRoleSeed): FakeRole {
    if (this.role(seed.key) !== undefined) throw new Error(`fake: role ${seed.key} already exists`);
    const at = seed.createdAt ?? this.nowIso();
    const role: FakeRole = {
      id: seed.id ?? randomUUID(),
      key: seed.key,
      name: seed.name ?? null,
      description: seed.description ?? null,
      createdAt: at,
      updatedAt: at,
    };
    this.rolesById.set(role.id, role);
    return role;
  }

  addAuditLog(seed: FakeAuditLogSeed): FakeAuditLog {
    const log: FakeAuditLog = {
      id: seed.id ?? randomUUID(),
      activityType: seed.activityType,
      createdAt: seed.createdAt ?? this.nowIso(),
      userId: seed.userId ?? null,
      ipAddress: seed.ipAddress ?? null,
      userAgent: seed.userAgent ?? null,
      clientID: seed.clientID ?? null,
      data: seed.data ?? null,
    };
    this.logs.push(log);
    return log;
  }

  addAuditLogs(count: number, factory: (index: number) => FakeAuditLogSeed): FakeAuditLog[] {
    return Array.from({ length: count }, (_, i) => this.addAuditLog(factory(i)));
  }

  // ---- reading -------------------------------------------------------------------------------------------

  user(id: string): FakeUser | undefined {
    return this.usersById.get(id);
  }

  users(): FakeUser[] {
    return [...this.usersById.values()];
  }

  /** The user owning the login ID `key`/`value` (normalized like Authgear: emails and usernames case-insensitive). */
  userByLoginId(key: LoginIdKey, value: string): FakeUser | undefined {
    const wanted = normalizeLoginId(key, value);
    return this.users().find((u) => u.identities.some((i) => i.loginIdKey === key && i.value === wanted));
  }

  group(key: string): FakeGroup | undefined {
    return this.groups().find((g) => g.key === key);
  }

  groupById(id: string): FakeGroup | undefined {
    return this.groupsById.get(id);
  }

  groups(): FakeGroup[] {
    return [...this.groupsById.values()];
  }

  role(key: string): FakeRole | undefined {
    return this.roles().find((r) => r.key === key);
  }

  roleById(id: string): FakeRole | undefined {
    return this.rolesById.get(id);
  }

  roles(): FakeRole[] {
    return [...this.rolesById.values()];
  }

  auditLogs(): FakeAuditLog[] {
    return [...this.logs];
  }

  auditLog(id: string): FakeAuditLog | undefined {
    return this.logs.find((l) => l.id === id);
  }

  identity(id: string): Owned<FakeIdentity> | undefined {
    return this.owned((u) => u.identities, id);
  }

  authenticator(id: string): Owned<FakeAuthenticator> | undefined {
    return this.owned((u) => u.authenticators, id);
  }

  session(id: string): Owned<FakeSession> | undefined {
    return this.owned((u) => u.sessions, id);
  }

  authorization(id: string): Owned<FakeAuthorization> | undefined {
    return this.owned((u) => u.authorizations, id);
  }

  usersInGroup(groupId: string): FakeUser[] {
    return this.users().filter((u) => u.groupIds.has(groupId));
  }

  usersWithRole(roleId: string): FakeUser[] {
    return this.users().filter((u) => u.roleIds.has(roleId));
  }

  groupsWithRole(roleId: string): FakeGroup[] {
    return this.groups().filter((g) => g.roleIds.has(roleId));
  }

  // ---- writing (used by resolvers) -----------------------------------------------------------------------

  /** Marks a user as changed: every mutation of a user moves `updatedAt`. */
  touch(user: FakeUser): FakeUser {
    user.updatedAt = this.nowIso();
    return user;
  }

  removeUser(id: string): void {
    this.usersById.delete(id);
  }

  removeGroup(id: string): void {
    this.groupsById.delete(id);
    for (const user of this.users()) user.groupIds.delete(id);
  }

  removeRole(id: string): void {
    this.rolesById.delete(id);
    for (const user of this.users()) user.roleIds.delete(id);
    for (const group of this.groups()) group.roleIds.delete(id);
  }

  private owned<T extends { id: string }>(list: (u: FakeUser) => T[], id: string): Owned<T> | undefined {
    for (const user of this.usersById.values()) {
      const item = list(user).find((x) => x.id === id);
      if (item !== undefined) return { user, item };
    }
    return undefined;
  }
}
