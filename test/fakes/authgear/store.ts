import { randomUUID } from 'node:crypto';
import { type AccountStatus, isDisabledAt, statusOf } from './account-status.js';
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
import { defaultProjectConfig, type FakeProjectConfig } from './project.js';
import { ResourceStore } from './resource-store.js';
import { assertSeedKeys } from './role-group-key.js';
import {
  buildUser,
  type FakeAuditLogSeed,
  type FakeGroupSeed,
  type FakeRoleSeed,
  type FakeUserSeed,
  normalizeLoginId,
} from './seed.js';

export type { FakeAuditLogSeed, FakeGroupSeed, FakeRoleSeed };

export interface Owned<T> {
  user: FakeUser;
  item: T;
}

/** Everything a request can change, for the one-transaction-per-request rollback. */
export interface StoreSnapshot {
  users: FakeUser[];
  groups: FakeGroup[];
  roles: FakeRole[];
  logs: FakeAuditLog[];
  sentMessages: FakeSentMessage[];
  cooldowns: [string, number][];
}

/** Whole seconds, as Authgear's audit log stores `created_at` (pkg/lib/audit/log.go). */
const wholeSeconds = (iso: string): string =>
  new Date(Math.floor(Date.parse(iso) / 1000) * 1000).toISOString();

/** In-memory Authgear project: users, groups, roles, audit logs, and what was "sent". Insertion order is kept. */
export class FakeStore {
  readonly sentMessages: FakeSentMessage[] = [];
  /** The project configuration (authgear.yaml); tests change it with {@link configure}. */
  config: FakeProjectConfig = defaultProjectConfig();
  /** Message cooldowns: bucket key → epoch ms until which a new message is refused. */
  readonly cooldowns = new Map<string, number>();
  /** API resources, their scopes and client links (the project's OAuth client IDs are `config.oauthClients`). */
  readonly resources: ResourceStore = new ResourceStore(() => this.nowIso());
  private readonly usersById = new Map<string, FakeUser>();
  private readonly groupsById = new Map<string, FakeGroup>();
  private readonly rolesById = new Map<string, FakeRole>();
  private readonly logs: FakeAuditLog[] = [];

  constructor(readonly now: () => Date = () => new Date()) {}

  nowIso(): string {
    return this.now().toISOString();
  }

  /** Changes the project configuration, e.g. `configure({ loginIdKeys: ['email', 'phone'] })`. */
  configure(changes: Partial<FakeProjectConfig>): FakeProjectConfig {
    this.config = { ...this.config, ...changes };
    return this.config;
  }

  /** The user's account status as Authgear would read it now. */
  status(user: FakeUser): AccountStatus & { isDisabled: boolean } {
    const s = statusOf(user);
    return { ...s, isDisabled: isDisabledAt(s, this.now().getTime()) };
  }

  // ---- transactions --------------------------------------------------------------------------------------

  snapshot(): StoreSnapshot {
    return structuredClone({
      users: this.users(),
      groups: this.groups(),
      roles: this.roles(),
      logs: this.logs,
      sentMessages: this.sentMessages,
      cooldowns: [...this.cooldowns],
    });
  }

  /** Rolls back to a snapshot, keeping the identity of records tests hold on to. */
  restore(snapshot: StoreSnapshot): void {
    const restoreMap = <T extends { id: string }>(map: Map<string, T>, saved: readonly T[]): void => {
      const current = new Map(map);
      map.clear();
      for (const record of saved) {
        const live = current.get(record.id);
        if (live === undefined) map.set(record.id, record);
        else {
          for (const key of Object.keys(live)) delete (live as Record<string, unknown>)[key];
          map.set(record.id, Object.assign(live, record));
        }
      }
    };
    restoreMap(this.usersById, snapshot.users);
    restoreMap(this.groupsById, snapshot.groups);
    restoreMap(this.rolesById, snapshot.roles);
    this.logs.splice(0, this.logs.length, ...snapshot.logs);
    this.sentMessages.splice(0, this.sentMessages.length, ...snapshot.sentMessages);
    this.cooldowns.clear();
    for (const [k, v] of snapshot.cooldowns) this.cooldowns.set(k, v);
  }

  // ---- seeding -------------------------------------------------------------------------------------------

  /**
   * Seeds a user. Like a real project, it can only hold login IDs of configured keys and configured custom
   * attributes: seeding anything else is a test bug, so it throws (configure the project first).
   */
  addUser(seed: FakeUserSeed = {}): FakeUser {
    const user = buildUser(seed, this.nowIso());
    if (this.usersById.has(user.id)) throw new Error(`fake: user ${user.id} already exists`);
    for (const i of user.identities) {
      if (i.loginIdKey !== undefined && !this.config.loginIdKeys.includes(i.loginIdKey))
        throw new Error(
          `fake: the project has no "${i.loginIdKey}" login ID key; configure({ loginIdKeys })`,
        );
      if (i.oauth !== undefined && !this.config.oauthProviders.includes(i.oauth.alias))
        throw new Error(
          `fake: the project has no OAuth provider "${i.oauth.alias}"; configure({ oauthProviders })`,
        );
    }
    for (const name of Object.keys(user.customAttributes)) {
      if (!this.config.customAttributes.some((c) => c.name === name))
        throw new Error(
          `fake: custom attribute "${name}" is not configured; configure({ customAttributes })`,
        );
    }
    assertSeedKeys('group', seed.groups ?? []);
    assertSeedKeys('role', seed.roles ?? []);
    for (const key of seed.groups ?? []) user.groupIds.add((this.group(key) ?? this.addGroup({ key })).id);
    for (const key of seed.roles ?? []) user.roleIds.add((this.role(key) ?? this.addRole({ key })).id);
    this.usersById.set(user.id, user);
    return user;
  }

  addGroup(seed: FakeGroupSeed): FakeGroup {
    assertSeedKeys('group', [seed.key]);
    assertSeedKeys('role', seed.roles ?? []);
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
    assertSeedKeys('role', [seed.key]);
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
      createdAt: wholeSeconds(seed.createdAt ?? this.nowIso()),
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
