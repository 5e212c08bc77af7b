import { encodeNodeId } from '../../src/authgear/node-id.js';
import type { AuthgearUser } from '../../src/authgear/operations/user-fields.js';

type Connection<T> = { readonly totalCount: number; readonly nodes: T[] };
type Identity = AuthgearUser['identities']['nodes'][number];
type Authenticator = AuthgearUser['authenticators']['nodes'][number];

/** A connection of these nodes, as the Admin API client hands it over. */
export const conn = <T>(nodes: T[]): Connection<T> => ({ totalCount: nodes.length, nodes });

const AT = '2024-01-01T00:00:00.000Z';

const CLAIM = { email: 'email', phone: 'phone_number', username: 'preferred_username' } as const;

/** A login ID identity (email, phone or username) with the claims Authgear serves, its standard claim included. */
export const loginIdentity = (key: 'email' | 'phone' | 'username', value: string, raw = value): Identity => ({
  id: encodeNodeId('Identity', `id-${raw}`),
  type: 'LOGIN_ID',
  claims: {
    'https://authgear.com/claims/login_id/key': key,
    'https://authgear.com/claims/login_id/type': key,
    'https://authgear.com/claims/login_id/value': value,
    'https://authgear.com/claims/login_id/original_value': value,
    [CLAIM[key]]: value,
  },
  createdAt: AT,
});

export const passwordAuthenticator = (): Authenticator => ({
  id: encodeNodeId('Authenticator', 'password'),
  type: 'PASSWORD',
  kind: 'PRIMARY',
  isDefault: false,
  claims: {},
  createdAt: AT,
});

export const totp = (name = 'Authenticator app'): Authenticator => ({
  id: encodeNodeId('Authenticator', `totp-${name}`),
  type: 'TOTP',
  kind: 'SECONDARY',
  isDefault: true,
  claims: { 'https://authgear.com/claims/totp/display_name': name },
  createdAt: AT,
});

/**
 * The one user factory: Alice as the Admin API serves her, active, with a verified email login, a password, one
 * session and no status flags, schedules, groups or roles. Override anything.
 */
export const makeUser = (overrides: Partial<AuthgearUser> = {}): AuthgearUser => ({
  id: encodeNodeId('User', '6f1c1f2e-6b4d-4a8e-9f59-2b1f4f3f0a11'),
  createdAt: AT,
  updatedAt: AT,
  lastLoginAt: null,
  isDisabled: false,
  disableReason: null,
  isDeactivated: false,
  isAnonymized: false,
  isAnonymous: false,
  temporarilyDisabledFrom: null,
  temporarilyDisabledUntil: null,
  accountValidFrom: null,
  accountValidUntil: null,
  deleteAt: null,
  anonymizeAt: null,
  mfaGracePeriodEndAt: null,
  standardAttributes: { email: 'alice@example.com', name: 'Alice' },
  customAttributes: {},
  verifiedClaims: [{ name: 'email', value: 'alice@example.com' }],
  accountLockout: { isLocked: false, lockedUntil: null, lockoutType: 'per_user', lockedIPs: [] },
  loginIDs: [loginIdentity('email', 'alice@example.com')],
  oauthConnections: [],
  passkeys: [],
  identities: conn([loginIdentity('email', 'alice@example.com')]),
  authenticators: conn([passwordAuthenticator()]),
  sessions: { totalCount: 1 },
  groups: conn([]),
  roles: conn([]),
  effectiveRoles: conn([]),
  ...overrides,
});
