import { randomUUID } from 'node:crypto';
import { CLAIM_OF, normalize } from './login-ids.js';
import type {
  FakeAccountLockout,
  FakeAuthenticator,
  FakeAuthorization,
  FakeIdentity,
  FakeSession,
  FakeUser,
  LoginIdKey,
} from './model.js';

/** Everything optional: `addUser({ email: 'a@example.com' })` gives a normal user with an email login and a password. */
export interface FakeUserSeed {
  id?: string;
  email?: string;
  phone?: string;
  username?: string;
  name?: string;
  givenName?: string;
  familyName?: string;
  /** Default true when `email` is set. */
  emailVerified?: boolean;
  /** Default true when `phone` is set. */
  phoneVerified?: boolean;
  /** Merged over the attributes derived from email/phone/username/names. */
  standardAttributes?: Record<string, unknown>;
  customAttributes?: Record<string, unknown>;
  /** Primary password; default `'Passw0rd!Passw0rd'` when the user has a login ID; `null` for none. */
  password?: string | null;
  /** An OAuth identity (the provider alias must be configured for getUserByOAuth to find it). */
  oauth?: { alias: string; subject: string; claims?: Record<string, unknown> };
  /** An anonymous identity (an anonymous user, `isAnonymous: true`). */
  anonymous?: boolean;
  totp?: boolean;
  oobOtpSms?: string;
  oobOtpEmail?: string;
  /** Passkey identities, by display name. */
  passkeys?: string[];
  /** A count of default sessions, or session overrides. */
  sessions?: number | Partial<FakeSession>[];
  authorizations?: Partial<FakeAuthorization>[];
  /** Group/role keys; missing ones are created. */
  groups?: string[];
  roles?: string[];
  /** Disabled indefinitely (what `setDisabledStatus(isDisabled: true)` with no window stores). */
  isDisabled?: boolean;
  disableReason?: string | null;
  isDeactivated?: boolean;
  isAnonymized?: boolean;
  temporarilyDisabledFrom?: string | null;
  temporarilyDisabledUntil?: string | null;
  accountValidFrom?: string | null;
  accountValidUntil?: string | null;
  deleteAt?: string | null;
  deleteReason?: string | null;
  anonymizeAt?: string | null;
  mfaGracePeriodEndAt?: string | null;
  lastLoginAt?: string | null;
  createdAt?: string;
  updatedAt?: string;
  accountLockout?: Partial<FakeAccountLockout>;
}

export const DEFAULT_SEED_PASSWORD = 'Passw0rd!Passw0rd';

/** Seeds are trusted: a value the normalizer rejects is kept trimmed as given. */
export const normalizeLoginId = (key: LoginIdKey, value: string): string =>
  normalize(key, value.trim()) ?? value.trim();

/** A login ID identity as the Admin API shows it (claims as in e2e/tests/admin_api/create_identity.test.yaml). */
export const makeLoginIdIdentity = (key: LoginIdKey, value: string, at: string): FakeIdentity => {
  const normalized = normalizeLoginId(key, value);
  return {
    id: randomUUID(),
    type: 'LOGIN_ID',
    loginIdKey: key,
    value: normalized,
    claims: {
      'https://authgear.com/claims/login_id/key': key,
      'https://authgear.com/claims/login_id/type': key,
      'https://authgear.com/claims/login_id/original_value': value.trim(),
      'https://authgear.com/claims/login_id/value': normalized,
      [CLAIM_OF[key]]: normalized,
    },
    createdAt: at,
    updatedAt: at,
  };
};

export const makeOAuthIdentity = (
  oauth: { alias: string; subject: string; claims?: Record<string, unknown> },
  at: string,
): FakeIdentity => ({
  id: randomUUID(),
  type: 'OAUTH',
  oauth: { alias: oauth.alias, subject: oauth.subject },
  claims: {
    'https://authgear.com/claims/oauth/provider_alias': oauth.alias,
    'https://authgear.com/claims/oauth/subject_id': oauth.subject,
    ...oauth.claims,
  },
  createdAt: at,
  updatedAt: at,
});

const makeAnonymousIdentity = (at: string): FakeIdentity => ({
  id: randomUUID(),
  type: 'ANONYMOUS',
  claims: {},
  createdAt: at,
  updatedAt: at,
});

/** identity/passkey: a passkey identity with its display name claim. */
export const makePasskeyIdentity = (displayName: string, at: string): FakeIdentity => ({
  id: randomUUID(),
  type: 'PASSKEY',
  claims: { 'https://authgear.com/claims/passkey/display_name': displayName },
  createdAt: at,
  updatedAt: at,
});

export const makeAuthenticator = (
  kind: FakeAuthenticator['kind'],
  type: FakeAuthenticator['type'],
  at: string,
  extra: Partial<FakeAuthenticator> = {},
): FakeAuthenticator => ({
  id: randomUUID(),
  kind,
  type,
  isDefault: kind === 'SECONDARY',
  claims: {},
  expireAfter: null,
  createdAt: at,
  updatedAt: at,
  ...extra,
});

export const makeSession = (at: string, extra: Partial<FakeSession> = {}): FakeSession => ({
  id: randomUUID(),
  type: 'IDP',
  clientID: null,
  applicationName: null,
  displayName: 'Chrome on macOS',
  userAgent: 'Mozilla/5.0 (Macintosh) Chrome/120.0',
  acr: null,
  amr: ['pwd'],
  createdByIP: '203.0.113.10',
  lastAccessedByIP: '203.0.113.10',
  lastAccessedAt: at,
  createdAt: at,
  updatedAt: at,
  ...extra,
});

export const unlockedAccount = (): FakeAccountLockout => ({
  isLocked: false,
  lockedUntil: null,
  lockoutType: 'per_user',
  lockedIPs: [],
});

const standardAttributesOf = (seed: FakeUserSeed): Record<string, unknown> => {
  const attrs: Record<string, unknown> = {};
  if (seed.email !== undefined) attrs.email = normalizeLoginId('email', seed.email);
  if (seed.phone !== undefined) attrs.phone_number = normalizeLoginId('phone', seed.phone);
  if (seed.username !== undefined) attrs.preferred_username = normalizeLoginId('username', seed.username);
  if (seed.name !== undefined) attrs.name = seed.name;
  if (seed.givenName !== undefined) attrs.given_name = seed.givenName;
  if (seed.familyName !== undefined) attrs.family_name = seed.familyName;
  return { ...attrs, ...seed.standardAttributes };
};

/** Builds a user record (without group/role links, which the store resolves by key). */
export const buildUser = (seed: FakeUserSeed, at: string): FakeUser => {
  const identities: FakeIdentity[] = [];
  const verifiedClaims: FakeUser['verifiedClaims'] = [];
  if (seed.email !== undefined) {
    identities.push(makeLoginIdIdentity('email', seed.email, at));
    if (seed.emailVerified ?? true)
      verifiedClaims.push({ name: 'email', value: normalizeLoginId('email', seed.email) });
  }
  if (seed.phone !== undefined) {
    identities.push(makeLoginIdIdentity('phone', seed.phone, at));
    if (seed.phoneVerified ?? true)
      verifiedClaims.push({ name: 'phone_number', value: normalizeLoginId('phone', seed.phone) });
  }
  if (seed.username !== undefined) identities.push(makeLoginIdIdentity('username', seed.username, at));
  if (seed.oauth !== undefined) identities.push(makeOAuthIdentity(seed.oauth, at));
  if (seed.anonymous === true) identities.push(makeAnonymousIdentity(at));
  for (const name of seed.passkeys ?? []) identities.push(makePasskeyIdentity(name, at));

  const authenticators: FakeAuthenticator[] = [];
  const password = seed.password === undefined ? DEFAULT_SEED_PASSWORD : seed.password;
  if (password !== null && identities.some((i) => i.type === 'LOGIN_ID')) {
    authenticators.push(makeAuthenticator('PRIMARY', 'PASSWORD', at, { password }));
  }
  if (seed.totp === true) {
    authenticators.push(
      makeAuthenticator('SECONDARY', 'TOTP', at, {
        claims: { 'https://authgear.com/claims/totp/display_name': 'Authenticator app' },
      }),
    );
  }
  if (seed.oobOtpSms !== undefined) {
    authenticators.push(
      makeAuthenticator('SECONDARY', 'OOB_OTP_SMS', at, {
        claims: { 'https://authgear.com/claims/oob_otp/phone': seed.oobOtpSms },
      }),
    );
  }
  if (seed.oobOtpEmail !== undefined) {
    authenticators.push(
      makeAuthenticator('SECONDARY', 'OOB_OTP_EMAIL', at, {
        claims: { 'https://authgear.com/claims/oob_otp/email': seed.oobOtpEmail },
      }),
    );
  }

  const sessionSeeds =
    typeof seed.sessions === 'number'
      ? Array.from({ length: seed.sessions }, () => ({}))
      : (seed.sessions ?? []);
  return {
    id: seed.id ?? randomUUID(),
    createdAt: seed.createdAt ?? at,
    updatedAt: seed.updatedAt ?? seed.createdAt ?? at,
    lastLoginAt: seed.lastLoginAt ?? null,
    standardAttributes: standardAttributesOf(seed),
    customAttributes: { ...seed.customAttributes },
    verifiedClaims,
    identities,
    authenticators,
    sessions: sessionSeeds.map((s) => makeSession(at, s)),
    authorizations: (seed.authorizations ?? []).map((a) => ({
      id: randomUUID(),
      clientID: 'portal',
      scopes: ['openid', 'offline_access'],
      createdAt: at,
      updatedAt: at,
      ...a,
    })),
    groupIds: new Set(),
    roleIds: new Set(),
    isIndefinitelyDisabled:
      seed.isDisabled ?? (seed.deleteAt != null || seed.anonymizeAt != null || seed.isAnonymized === true),
    disableReason: seed.disableReason ?? null,
    isDeactivated: seed.isDeactivated ?? false,
    isAnonymized: seed.isAnonymized ?? false,
    passwordHistory: [],
    temporarilyDisabledFrom: seed.temporarilyDisabledFrom ?? null,
    temporarilyDisabledUntil: seed.temporarilyDisabledUntil ?? null,
    accountValidFrom: seed.accountValidFrom ?? null,
    accountValidUntil: seed.accountValidUntil ?? null,
    deleteAt: seed.deleteAt ?? null,
    deleteReason: seed.deleteReason ?? null,
    anonymizeAt: seed.anonymizeAt ?? null,
    mfaGracePeriodEndAt: seed.mfaGracePeriodEndAt ?? null,
    endUserAccountID: null,
    accountLockout: { ...unlockedAccount(), ...seed.accountLockout },
  };
};

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
