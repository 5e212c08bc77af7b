/**
 * GraphQL views of store records. graphql-js's default resolver reads properties and calls functions with
 * `(args)`, so nested connections are functions; `__typename` drives Node/Entity type resolution.
 */
import { isDisabledAt, normalized, statusOf } from './account-status.js';
import { arrayConnection, offsetPage, type PageArgs } from './connection.js';
import type {
  FakeAuditLog,
  FakeAuthenticator,
  FakeAuthorization,
  FakeGroup,
  FakeIdentity,
  FakeRole,
  FakeSession,
  FakeUser,
} from './model.js';
import { encodeNodeId } from './node-id.js';
import type { FakeStore } from './store.js';

type View = Record<string, unknown> & { __typename: string };

const pickClaims = (
  claims: Record<string, unknown>,
  args: { names?: string[] | null },
): Record<string, unknown> =>
  args.names == null
    ? claims
    : Object.fromEntries(Object.entries(claims).filter(([k]) => args.names?.includes(k)));

export const identityView = (i: FakeIdentity): View => ({
  __typename: 'Identity',
  id: encodeNodeId('Identity', i.id),
  type: i.type,
  claims: (args: { names?: string[] | null }) => pickClaims(i.claims, args),
  createdAt: i.createdAt,
  updatedAt: i.updatedAt,
});

export const authenticatorView = (a: FakeAuthenticator): View => ({
  __typename: 'Authenticator',
  id: encodeNodeId('Authenticator', a.id),
  type: a.type,
  kind: a.kind,
  isDefault: a.isDefault,
  expireAfter: a.expireAfter,
  claims: (args: { names?: string[] | null }) => pickClaims(a.claims, args),
  createdAt: a.createdAt,
  updatedAt: a.updatedAt,
});

export const sessionView = (s: FakeSession): View => ({
  __typename: 'Session',
  ...s,
  id: encodeNodeId('Session', s.id),
  lastAccessedByIPCountryCode: '',
  lastAccessedByIPEnglishCountryName: '',
});

export const authorizationView = (a: FakeAuthorization): View => ({
  __typename: 'Authorization',
  ...a,
  id: encodeNodeId('Authorization', a.id),
});

export const roleView = (store: FakeStore, r: FakeRole): View => ({
  __typename: 'Role',
  id: encodeNodeId('Role', r.id),
  key: r.key,
  name: r.name,
  description: r.description,
  createdAt: r.createdAt,
  updatedAt: r.updatedAt,
  groups: (args: PageArgs) => arrayConnection(store.groupsWithRole(r.id), args, (g) => groupView(store, g)),
  // pkg/admin/facade/rolesgroups.go ListUserIDsByRoleID: "No need to report the total number" → null.
  users: (args: PageArgs) => offsetPage(store.usersWithRole(r.id), args, (u) => userView(store, u), null),
});

export const groupView = (store: FakeStore, g: FakeGroup): View => ({
  __typename: 'Group',
  id: encodeNodeId('Group', g.id),
  key: g.key,
  name: g.name,
  description: g.description,
  createdAt: g.createdAt,
  updatedAt: g.updatedAt,
  roles: (args: PageArgs) => arrayConnection(rolesOf(store, g.roleIds), args, (r) => roleView(store, r)),
  // pkg/admin/facade/rolesgroups.go ListUserIDsByGroupID: totalCount is always null.
  users: (args: PageArgs) => offsetPage(store.usersInGroup(g.id), args, (u) => userView(store, u), null),
});

const rolesOf = (store: FakeStore, ids: Set<string>): FakeRole[] =>
  store.roles().filter((r) => ids.has(r.id));

/** Roles held directly or through a group. */
export const effectiveRoles = (store: FakeStore, u: FakeUser): FakeRole[] => {
  const ids = new Set(u.roleIds);
  for (const g of store.groups()) if (u.groupIds.has(g.id)) for (const id of g.roleIds) ids.add(id);
  return rolesOf(store, ids);
};

const isVerified = (u: FakeUser, name: string, value: unknown): boolean =>
  typeof value === 'string' && u.verifiedClaims.some((c) => c.name === name && c.value === value);

/**
 * Standard attributes as Authgear serves them (pkg/lib/feature/stdattrs/service_noevent.go
 * DeriveStandardAttributes): `*_verified` follow the verified claims, `updated_at` is the user's updatedAt in
 * Unix seconds, and there is no `sub`.
 */
export const servedStandardAttributes = (u: FakeUser): Record<string, unknown> => {
  const attrs: Record<string, unknown> = { ...u.standardAttributes };
  if (attrs.email !== undefined) attrs.email_verified = isVerified(u, 'email', attrs.email);
  if (attrs.phone_number !== undefined)
    attrs.phone_number_verified = isVerified(u, 'phone_number', attrs.phone_number);
  attrs.updated_at = Math.floor(Date.parse(u.updatedAt) / 1000);
  return attrs;
};

/** pkg/lib/feature/customattrs: only the project's configured custom attributes are read. */
const servedCustomAttributes = (store: FakeStore, u: FakeUser): Record<string, unknown> =>
  Object.fromEntries(
    store.config.customAttributes.flatMap((c) =>
      c.name in u.customAttributes ? [[c.name, u.customAttributes[c.name]]] : [],
    ),
  );

/** pkg/lib/authn/user/model.go computeEndUserAccountID: email, then username, then phone. */
const endUserAccountId = (attrs: Record<string, unknown>): string | null => {
  for (const k of ['email', 'preferred_username', 'phone_number']) {
    const v = attrs[k];
    if (typeof v === 'string' && v !== '') return v;
  }
  return null;
};

/** IdentityFacade.List: oldest first, then by ID. */
const byCreation = <T extends { createdAt: string; id: string }>(items: readonly T[]): T[] =>
  [...items].sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt) || a.id.localeCompare(b.id));

const authenticatorsWhere = (u: FakeUser, kind: string, type: string): FakeAuthenticator[] =>
  u.authenticators.filter((a) => a.kind === kind && a.type === type);

export const userView = (store: FakeStore, u: FakeUser): View => {
  const first = (kind: string, type: string): View | null => {
    const found = authenticatorsWhere(u, kind, type)[0];
    return found === undefined ? null : authenticatorView(found);
  };
  const attrs = servedStandardAttributes(u);
  // account_status.go: normalized on read (a past window is dropped) and `isDisabled` computed now.
  const now = store.now().getTime();
  const status = normalized(statusOf(u), now);
  return {
    __typename: 'User',
    id: encodeNodeId('User', u.id),
    createdAt: u.createdAt,
    updatedAt: u.updatedAt,
    lastLoginAt: u.lastLoginAt,
    standardAttributes: attrs,
    customAttributes: servedCustomAttributes(store, u),
    formattedName: typeof attrs.name === 'string' && attrs.name !== '' ? attrs.name : null,
    endUserAccountID: u.endUserAccountID ?? endUserAccountId(attrs),
    verifiedClaims: u.verifiedClaims,
    isDisabled: isDisabledAt(status, now),
    disableReason: status.disableReason,
    isDeactivated: status.isDeactivated,
    isAnonymized: status.isAnonymized,
    isAnonymous: u.identities.some((i) => i.type === 'ANONYMOUS'),
    temporarilyDisabledFrom: status.temporarilyDisabledFrom,
    temporarilyDisabledUntil: status.temporarilyDisabledUntil,
    accountValidFrom: status.accountValidFrom,
    accountValidUntil: status.accountValidUntil,
    deleteAt: status.deleteAt,
    deleteReason: status.deleteReason,
    anonymizeAt: status.anonymizeAt,
    mfaGracePeriodEndAt: u.mfaGracePeriodEndAt,
    accountLockout: u.accountLockout,
    web3: {},
    loginIDs: u.identities.filter((i) => i.type === 'LOGIN_ID').map(identityView),
    oauthConnections: u.identities.filter((i) => i.type === 'OAUTH').map(identityView),
    passkeys: u.identities.filter((i) => i.type === 'PASSKEY').map(identityView),
    biometricRegistrations: u.identities.filter((i) => i.type === 'BIOMETRIC').map(identityView),
    identities: (args: PageArgs & { identityType?: string | null }) =>
      arrayConnection(
        byCreation(u.identities).filter((i) => args.identityType == null || i.type === args.identityType),
        args,
        identityView,
      ),
    authenticators: (
      args: PageArgs & { authenticatorKind?: string | null; authenticatorType?: string | null },
    ) =>
      arrayConnection(
        u.authenticators.filter(
          (a) =>
            (args.authenticatorKind == null || a.kind === args.authenticatorKind) &&
            (args.authenticatorType == null || a.type === args.authenticatorType),
        ),
        args,
        authenticatorView,
      ),
    primaryPassword: () => first('PRIMARY', 'PASSWORD'),
    primaryOOBOTPEmailAuthenticator: () => first('PRIMARY', 'OOB_OTP_EMAIL'),
    primaryOOBOTPSMSAuthenticator: () => first('PRIMARY', 'OOB_OTP_SMS'),
    secondaryPassword: () => first('SECONDARY', 'PASSWORD'),
    secondaryTOTPAuthenticators: () => authenticatorsWhere(u, 'SECONDARY', 'TOTP').map(authenticatorView),
    secondaryOOBOTPEmailAuthenticators: () =>
      authenticatorsWhere(u, 'SECONDARY', 'OOB_OTP_EMAIL').map(authenticatorView),
    secondaryOOBOTPSMSAuthenticators: () =>
      authenticatorsWhere(u, 'SECONDARY', 'OOB_OTP_SMS').map(authenticatorView),
    sessions: (args: PageArgs) => arrayConnection(u.sessions, args, sessionView),
    authorizations: (args: PageArgs) => arrayConnection(u.authorizations, args, authorizationView),
    groups: (args: PageArgs) =>
      arrayConnection(
        store.groups().filter((g) => u.groupIds.has(g.id)),
        args,
        (g) => groupView(store, g),
      ),
    roles: (args: PageArgs) => arrayConnection(rolesOf(store, u.roleIds), args, (r) => roleView(store, r)),
    effectiveRoles: (args: PageArgs) =>
      arrayConnection(effectiveRoles(store, u), args, (r) => roleView(store, r)),
  };
};

export const auditLogView = (store: FakeStore, l: FakeAuditLog): View => {
  const user = l.userId === null ? undefined : store.user(l.userId);
  return {
    __typename: 'AuditLog',
    id: encodeNodeId('AuditLog', l.id),
    activityType: l.activityType,
    createdAt: l.createdAt,
    ipAddress: l.ipAddress,
    userAgent: l.userAgent,
    clientID: l.clientID,
    data: l.data,
    user: user === undefined ? null : userView(store, user),
  };
};
