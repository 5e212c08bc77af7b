import type { AuthgearUser } from '../../src/authgear/operations/user-fields.js';

type Connection<T> = { readonly totalCount: number; readonly nodes: T[] };

/** A connection of these nodes, as the Admin API client hands it over. */
export const conn = <T>(nodes: T[]): Connection<T> => ({ totalCount: nodes.length, nodes });

/**
 * An active user as the Admin API would serve it: no status flags, no schedules, no links. Fixtures add the
 * attributes, identities and authenticators their tests need.
 */
export const makeAuthgearUser = (overrides: Partial<AuthgearUser> = {}): AuthgearUser => ({
  id: 'VXNlcjp1MQ',
  createdAt: '2024-01-01T00:00:00.000Z',
  updatedAt: '2024-01-01T00:00:00.000Z',
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
  standardAttributes: {},
  customAttributes: {},
  verifiedClaims: [],
  accountLockout: { isLocked: false, lockedUntil: null },
  identities: conn([]),
  authenticators: conn([]),
  sessions: { totalCount: 0 },
  groups: conn([]),
  roles: conn([]),
  effectiveRoles: conn([]),
  ...overrides,
});
