/** e2e/tests/admin_api/create_user.test.yaml, create_identity.test.yaml, change_password.test.yaml */
import { describe, expect, it } from 'vitest';
import type { FakeAdminClient } from '../../support/admin-graphql.js';
import {
  e2eProject,
  emailSentRows,
  expectAdminApi,
  expectRows,
  passwordRows,
  seedAnonymousUser,
  seedUserImport,
  userNodeId,
} from './peer.js';

const withProject = async (
  override: Parameters<typeof e2eProject>[0],
  body: (c: FakeAdminClient) => Promise<void>,
): Promise<void> => {
  const client = await e2eProject(override);
  try {
    await body(client);
  } finally {
    await client.close();
  }
};

const CREATE_USER = `
  mutation createUserMutation(
    $identityDefinition: IdentityDefinitionLoginID!
    $password: String
    $sendPassword: Boolean
    $setPasswordExpired: Boolean
  ) {
    createUser(
      input: {
        definition: { loginID: $identityDefinition }
        password: $password
        sendPassword: $sendPassword
        setPasswordExpired: $setPasswordExpired
      }
    ) {
      user {
        id
      }
    }
  }`;
const CREATED = { data: { createUser: { user: { id: '[[string]]' } } }, errors: null };
const APP_ID = 'e2e-app-admin-api';
const NEW_EMAIL = `${APP_ID}@example.com`;

describe('peer: create_user.test.yaml', () => {
  it.each([
    ['Create user with password sends password email and sets password expired', 'password', true],
    ['Create user with empty password sends password email and sets password expired', '', true],
  ])('%s', (_name, password, sendPassword) =>
    withProject({}, async (c) => {
      await expectAdminApi(
        c,
        CREATE_USER,
        {
          identityDefinition: { key: 'email', value: NEW_EMAIL },
          password,
          sendPassword,
          setPasswordExpired: true,
        },
        CREATED,
      );
      // verify_password_created_with_expire_after
      const rows = passwordRows(c.fake.store, 'email', NEW_EMAIL).map((r) => ({
        expire_after: r.expire_after,
      }));
      expectRows(rows, [{ expire_after: '[[string]]' }]);
      // verify_email_sent
      expectRows(emailSentRows(c.fake.store), [{ activity_type: 'email.sent', recipient: '[[string]]' }]);
    }),
  );

  it('Create user with null password does not create password authenticator', () =>
    withProject({}, async (c) => {
      await expectAdminApi(
        c,
        CREATE_USER,
        {
          identityDefinition: { key: 'email', value: NEW_EMAIL },
          password: null,
          sendPassword: false,
          setPasswordExpired: false,
        },
        CREATED,
      );
      expectRows(passwordRows(c.fake.store, 'email', NEW_EMAIL), []);
    }));
});

const CREATE_IDENTITY = `
  mutation createIdentityMutation(
    $userID: ID!
    $identityDefinition: IdentityDefinitionLoginID!
    $password: String
  ) {
    createIdentity(
      input: {
        userID: $userID
        definition: { loginID: $identityDefinition }
        password: $password
      }
    ) {
      user {
        standardAttributes
        identities { edges { node { type claims } } }
        authenticators { edges { node { kind type claims } } }
      }
    }
  }`;

const identityOutput = (key: string, value: string, claim: string, authenticator: object, attrs: object) => ({
  data: {
    createIdentity: {
      user: {
        authenticators: { edges: [{ node: authenticator }] },
        identities: {
          edges: [
            {
              node: {
                claims: {
                  [claim]: value,
                  'https://authgear.com/claims/login_id/key': key,
                  'https://authgear.com/claims/login_id/original_value': value,
                  'https://authgear.com/claims/login_id/type': key,
                  'https://authgear.com/claims/login_id/value': value,
                },
                type: 'LOGIN_ID',
              },
            },
          ],
        },
        standardAttributes: attrs,
      },
    },
  },
  errors: null,
});

describe('peer: create_identity.test.yaml', () => {
  const cases = [
    {
      name: 'Create identity creates OOB OTP email authenticator when oob_otp_email is enabled',
      override: {},
      definition: { key: 'email', value: 'user@example.com' },
      password: undefined,
      expected: identityOutput(
        'email',
        'user@example.com',
        'email',
        {
          claims: { 'https://authgear.com/claims/oob_otp/email': 'user@example.com' },
          kind: 'PRIMARY',
          type: 'OOB_OTP_EMAIL',
        },
        { email: 'user@example.com', email_verified: false },
      ),
    },
    {
      name: 'Create identity creates OOB OTP SMS authenticator when oob_otp_sms is enabled',
      override: {},
      definition: { key: 'phone', value: '+85298765432' },
      password: undefined,
      expected: identityOutput(
        'phone',
        '+85298765432',
        'phone_number',
        {
          claims: { 'https://authgear.com/claims/oob_otp/phone': '+85298765432' },
          kind: 'PRIMARY',
          type: 'OOB_OTP_SMS',
        },
        { phone_number: '+85298765432', phone_number_verified: false },
      ),
    },
    {
      name: 'Create identity creates password authenticator when password is given and password auth is enabled',
      override: { primaryAuthenticators: ['password' as const] },
      definition: { key: 'email', value: 'user@example.com' },
      password: 'password',
      expected: identityOutput(
        'email',
        'user@example.com',
        'email',
        { claims: {}, kind: 'PRIMARY', type: 'PASSWORD' },
        { email: 'user@example.com', email_verified: false },
      ),
    },
  ];
  it.each(cases)('$name', ({ override, definition, password, expected }) =>
    withProject(override, async (c) => {
      const user = seedAnonymousUser(c.fake.store);
      await expectAdminApi(
        c,
        CREATE_IDENTITY,
        {
          userID: userNodeId(user.id),
          identityDefinition: definition,
          ...(password === undefined ? {} : { password }),
        },
        expected,
      );
    }),
  );
});

const RESET_PASSWORD = `
  mutation resetPasswordMutation(
    $userID: ID!
    $password: String!
    $sendPassword: Boolean
    $setPasswordExpired: Boolean
  ) {
    resetPassword(input: {
      userID: $userID
      password: $password
      sendPassword: $sendPassword
      setPasswordExpired: $setPasswordExpired
    }) {
      user {
        id
      }
    }
  }`;

describe('peer: change_password.test.yaml', () => {
  it('Reset password via admin API changes password hash and sends email', () =>
    withProject({}, async (c) => {
      seedUserImport(c.fake.store);
      const before = passwordRows(c.fake.store, 'preferred_username', 'change_password_test');
      expectRows(
        before.map((r) => ({ user_id: r.user_id, original_hash: r.password_hash })),
        [{ user_id: '[[string]]', original_hash: '[[string]]' }],
      );
      const [row] = before;
      await expectAdminApi(
        c,
        RESET_PASSWORD,
        {
          userID: userNodeId(row?.user_id ?? ''),
          password: 'new_password',
          sendPassword: true,
          setPasswordExpired: true,
        },
        { data: { resetPassword: { user: { id: '[[string]]' } } }, errors: null },
      );
      const changed = passwordRows(c.fake.store, 'preferred_username', 'change_password_test')
        .filter((r) => r.password_hash !== row?.password_hash)
        .map((r) => ({ new_hash: r.password_hash }));
      expectRows(changed, [{ new_hash: '[[string]]' }]);
      expectRows(emailSentRows(c.fake.store), [
        { activity_type: 'email.sent', recipient: 'change_password_test@example.com' },
      ]);
    }));

  it('Reset password with sendPassword on user without email returns SendPasswordNoTarget error', () =>
    withProject({}, async (c) => {
      seedUserImport(c.fake.store);
      const user = c.fake.store
        .users()
        .find((u) => u.standardAttributes.preferred_username === 'change_password_test_no_target');
      expect(user).toBeDefined();
      await expectAdminApi(
        c,
        RESET_PASSWORD,
        {
          userID: userNodeId(user?.id ?? ''),
          password: 'new_password',
          sendPassword: true,
          setPasswordExpired: true,
        },
        {
          data: { resetPassword: null },
          errors: [{ extensions: { errorName: 'Invalid', reason: 'SendPasswordNoTarget' } }],
        },
        { nonNullRootFailed: true },
      );
      // The transaction was rolled back: nothing was sent and the password is unchanged.
      expect(c.fake.store.sentMessages).toEqual([]);
      expect(user?.authenticators.find((a) => a.type === 'PASSWORD')?.password).toBe('imported-bcrypt-hash');
    }));
});
