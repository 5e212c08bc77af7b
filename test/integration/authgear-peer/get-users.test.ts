/** e2e/tests/admin_api/get_user_by_loginid.test.yaml, get_user_by_oauth.test.yaml, get_users_by_standard_attribute.test.yaml */
import { describe, it } from 'vitest';
import { e2eProject, expectAdminApi, seedGetUsersFixture } from './peer.js';

const ERROR = { errorName: 'Invalid', reason: 'GetUsersInvalidArgument' };
const EMAIL_ATTRS = {
  email: 'e2e_admin_api_get_users@example.com',
  email_verified: false,
  updated_at: 1724745102,
};
const PHONE_ATTRS = { phone_number: '+85261236544', phone_number_verified: false, updated_at: 1724745102 };
const USERNAME_ATTRS = { preferred_username: 'e2e_admin_api_get_users_username', updated_at: 1724745102 };
const found = (standardAttributes: object) => ({
  createdAt: '2024-08-27T07:51:42.040683Z',
  lastLoginAt: null,
  standardAttributes,
});

const run = async (query: string, expected: unknown) => {
  const client = await e2eProject();
  try {
    seedGetUsersFixture(client.fake.store);
    await expectAdminApi(client, query, {}, expected);
  } finally {
    await client.close();
  }
};

describe('peer: get_user_by_loginid.test.yaml', () => {
  const q = (key: string, value: string, fields = 'createdAt standardAttributes lastLoginAt') =>
    `query { getUserByLoginID(loginIDKey:"${key}", loginIDValue: "${value}") { ${fields} } }`;
  it.each([
    ['email', 'email', 'e2e_admin_api_get_users@example.com', EMAIL_ATTRS],
    ['phone', 'phone', '+85261236544', PHONE_ATTRS],
    ['username', 'username', 'e2e_admin_api_get_users_username', USERNAME_ATTRS],
  ])('Get user by login ID - %s', (_name, key, value, attrs) =>
    run(q(key, value), { data: { getUserByLoginID: found(attrs) }, errors: null }),
  );
  it('Get user by login ID - not found returns null', () =>
    run(q('email', 'e2e_admin_api_get_users_not_found@example.com'), {
      data: { getUserByLoginID: null },
      errors: null,
    }));
  it('Get user by login ID - invalid login ID value returns error', () =>
    run(q('email', 'bad_email_address', 'id createdAt standardAttributes lastLoginAt'), {
      data: { getUserByLoginID: null },
      errors: [{ extensions: ERROR }],
    }));
  it('Get user by login ID - invalid login ID key returns error', () =>
    run(
      q(
        'email_invalid',
        'e2e_admin_api_get_users_not_found@example.com',
        'id createdAt standardAttributes lastLoginAt',
      ),
      {
        data: { getUserByLoginID: null },
        errors: [{ extensions: ERROR }],
      },
    ));
});

describe('peer: get_user_by_oauth.test.yaml', () => {
  const q = (alias: string, id: string, fields = 'createdAt formattedName lastLoginAt') =>
    `query { getUserByOAuth(oauthProviderAlias:"${alias}", oauthProviderUserID: "${id}") { ${fields} } }`;
  it('Get user by OAuth - found', () =>
    run(q('azureadv2', 'e2e_admin_api_get_user_oauth_id'), {
      data: {
        getUserByOAuth: {
          createdAt: '2024-08-27T07:51:42.040683Z',
          formattedName: 'e2e OAuth user',
          lastLoginAt: null,
        },
      },
      errors: null,
    }));
  it('Get user by OAuth - not found returns null', () =>
    run(q('azureadv2', 'e2e_admin_api_get_user_oauth_not_found'), {
      data: { getUserByOAuth: null },
      errors: null,
    }));
  it('Get user by OAuth - invalid OAuth alias returns error', () =>
    run(
      q('unknown_alias', 'e2e_admin_api_get_user_oauth_id', 'id createdAt standardAttributes lastLoginAt'),
      {
        data: { getUserByOAuth: null },
        errors: [{ extensions: ERROR }],
      },
    ));
});

describe('peer: get_users_by_standard_attribute.test.yaml', () => {
  const q = (name: string, value: string, fields = 'createdAt standardAttributes lastLoginAt') =>
    `query { getUsersByStandardAttribute(attributeName:"${name}", attributeValue: "${value}") { ${fields} } }`;
  it.each([
    ['email', 'email', 'e2e_admin_api_get_users@example.com', EMAIL_ATTRS],
    ['phone', 'phone_number', '+85261236544', PHONE_ATTRS],
    ['username', 'preferred_username', 'e2e_admin_api_get_users_username', USERNAME_ATTRS],
  ])('Get users by standard attribute - %s', (_n, name, value, attrs) =>
    run(q(name, value), { data: { getUsersByStandardAttribute: [found(attrs)] }, errors: null }),
  );
  it('Get users by standard attribute - not found returns empty array', () =>
    run(q('email', 'e2e_admin_api_get_users_not_found@example.com'), {
      data: { getUsersByStandardAttribute: [] },
      errors: null,
    }));
  it('Get users by standard attribute - invalid attribute value returns error', () =>
    run(
      q('phone_number', 'e2e_admin_api_get_users@example.com', 'id createdAt standardAttributes lastLoginAt'),
      {
        data: null,
        errors: [{ extensions: ERROR }],
      },
    ));
  it('Get users by standard attribute - invalid attribute name returns error', () =>
    run(
      q('custom_name', 'e2e_admin_api_get_users@example.com', 'id createdAt standardAttributes lastLoginAt'),
      {
        data: null,
        errors: [{ extensions: ERROR }],
      },
    ));
});
