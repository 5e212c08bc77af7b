import type { AuthgearUser } from '../../../../src/authgear/operations/user-fields.js';
import { makeAuthgearUser } from '../../../support/authgear-user.js';

/** An active user with an email login (verified), one session, a password; override anything. */
export const makeUser = (overrides: Partial<AuthgearUser> = {}): AuthgearUser =>
  makeAuthgearUser({
    standardAttributes: { email: 'alice@example.com', name: 'Alice' },
    verifiedClaims: [{ name: 'email', value: 'alice@example.com' }],
    accountLockout: { isLocked: false, lockedUntil: null },
    identities: {
      totalCount: 1,
      nodes: [
        {
          id: 'SWRlbnRpdHk6aTE',
          type: 'LOGIN_ID',
          createdAt: '2024-01-01T00:00:00.000Z',
          claims: {
            'https://authgear.com/claims/login_id/key': 'email',
            'https://authgear.com/claims/login_id/value': 'alice@example.com',
            email: 'alice@example.com',
          },
        },
      ],
    },
    authenticators: {
      totalCount: 1,
      nodes: [
        {
          id: 'QXV0aGVudGljYXRvcjph',
          type: 'PASSWORD',
          kind: 'PRIMARY',
          isDefault: false,
          claims: {},
          createdAt: '2024-01-01T00:00:00.000Z',
        },
      ],
    },
    sessions: { totalCount: 1 },
    ...overrides,
  });

export const NOW = new Date('2025-06-01T12:00:00.000Z');
