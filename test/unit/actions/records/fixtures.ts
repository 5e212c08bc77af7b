import { encodeNodeId } from '../../../../src/authgear/node-id.js';
import type { AuthgearUser } from '../../../../src/authgear/operations/user-fields.js';
import { conn, makeAuthgearUser } from '../../../support/authgear-user.js';

const AT = '2026-01-02T03:04:05.000Z';

type Identity = AuthgearUser['identities']['nodes'][number];
type Authenticator = AuthgearUser['authenticators']['nodes'][number];

const CLAIM = { email: 'email', phone: 'phone_number', username: 'preferred_username' } as const;

/** A login ID identity with the claims Authgear serves (its standard claim included). */
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

export const totp = (name = 'Authenticator app'): Authenticator => ({
  id: encodeNodeId('Authenticator', `totp-${name}`),
  type: 'TOTP',
  kind: 'SECONDARY',
  isDefault: true,
  claims: { 'https://authgear.com/claims/totp/display_name': name },
  createdAt: AT,
});

/** An AuthgearUser as the Admin API would serve it, with overrides. */
export const makeUser = (over: Partial<AuthgearUser> = {}): AuthgearUser =>
  makeAuthgearUser({
    id: encodeNodeId('User', '6f1c1f2e-6b4d-4a8e-9f59-2b1f4f3f0a11'),
    createdAt: AT,
    updatedAt: AT,
    standardAttributes: { email: 'alice@example.com', name: 'Alice Liddell', given_name: 'Alice' },
    customAttributes: { department: 'Support' },
    identities: conn([loginIdentity('email', 'alice@example.com')]),
    authenticators: conn([totp()]),
    ...over,
  });
