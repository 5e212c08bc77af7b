/** FACTS.md "Errors": names, reasons and `info` shapes, each from the authgear-server file named. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeNodeId } from '../../fakes/authgear/index.js';
import { type FakeAdminClient, firstError, startFakeAdmin } from '../../support/admin-graphql.js';

let c: FakeAdminClient;
beforeAll(async () => {
  c = await startFakeAdmin({ project: { loginIdKeys: ['email', 'username'] } });
});
afterAll(async () => c.close());

const userId = (id: string) => encodeNodeId('User', id);
const errorOf = async (query: string, variables: Record<string, unknown> = {}) =>
  firstError(await c.gql(query, variables));

describe('user and identity errors', () => {
  it('UserNotFound for an unknown user', async () => {
    const e = await errorOf(
      'mutation($id: ID!) { revokeAllSessions(input: { userID: $id }) { user { id } } }',
      {
        id: userId('ghost'),
      },
    );
    expect(e?.extensions).toEqual({ errorName: 'NotFound', reason: 'UserNotFound' });
  });

  it.each([
    [
      'createUser',
      'mutation { createUser(input: { definition: { loginID: { key: "email", value: "DUP@example.com" } } }) { user { id } } }',
    ],
    [
      'createIdentity',
      'mutation($id: ID!) { createIdentity(input: { userID: $id, definition: { loginID: { key: "email", value: "dup@example.com" } } }) { identity { id } } }',
    ],
  ])(
    'a duplicate login ID on %s: Invalid / InvariantViolated, cause DuplicatedIdentity (identity/errors.go)',
    async (_name, query) => {
      if (c.fake.store.userByLoginId('email', 'dup@example.com') === undefined)
        c.fake.store.addUser({ email: 'dup@example.com' });
      const other = c.fake.store.addUser({ username: `someone${Math.random().toString(36).slice(2, 8)}` });
      const e = await errorOf(query, { id: userId(other.id) });
      expect(e?.extensions).toEqual({
        errorName: 'Invalid',
        reason: 'InvariantViolated',
        info: {
          cause: { kind: 'DuplicatedIdentity' },
          IdentityTypeIncoming: 'login_id',
          LoginIDTypeIncoming: 'email',
          IdentityTypeExisting: 'login_id',
          LoginIDTypeExisting: 'email',
        },
      });
    },
  );

  it('a duplicate on updateIdentity is DuplicatedIdentity too', async () => {
    c.fake.store.addUser({ username: 'taken_name' });
    const u = c.fake.store.addUser({ email: 'rename@example.com', username: 'free_name' });
    const identity = u.identities.find((i) => i.loginIdKey === 'username');
    const e = await errorOf(
      'mutation($u: ID!, $i: ID!) { updateIdentity(input: { userID: $u, identityID: $i, definition: { loginID: { key: "username", value: "Taken_Name" } } }) { identity { id } } }',
      { u: userId(u.id), i: encodeNodeId('Identity', identity?.id ?? '') },
    );
    expect(e?.extensions?.info?.cause).toEqual({ kind: 'DuplicatedIdentity' });
  });

  it('removing the last identity: InvariantViolated, cause RemoveLastIdentity (facade/identity.go)', async () => {
    const u = c.fake.store.addUser({ email: 'last@example.com' });
    const e = await errorOf(
      'mutation($i: ID!) { deleteIdentity(input: { identityID: $i }) { user { id } } }',
      {
        i: encodeNodeId('Identity', u.identities[0]?.id ?? ''),
      },
    );
    expect(e?.extensions).toEqual({
      errorName: 'Invalid',
      reason: 'InvariantViolated',
      info: { cause: { kind: 'RemoveLastIdentity' } },
    });
  });

  it('the Admin API MAY remove the last primary authenticator (do_remove_authenticator.go)', async () => {
    const u = c.fake.store.addUser({ email: 'pw@example.com' });
    const password = u.authenticators.find((a) => a.type === 'PASSWORD');
    const body = await c.gql(
      'mutation($a: ID!) { deleteAuthenticator(input: { authenticatorID: $a }) { user { id } } }',
      {
        a: encodeNodeId('Authenticator', password?.id ?? ''),
      },
    );
    expect(body.errors).toBeUndefined();
    expect(c.fake.store.user(u.id)?.authenticators).toEqual([]);
  });

  it('refuses a passkey authenticator with RemovePasskeyAuthenticator', async () => {
    const u = c.fake.store.addUser({ email: 'pk@example.com' });
    u.authenticators.push({ ...(u.authenticators[0] ?? ({} as never)), id: 'passkey-1', type: 'PASSKEY' });
    const e = await errorOf(
      'mutation($a: ID!) { deleteAuthenticator(input: { authenticatorID: $a }) { user { id } } }',
      {
        a: encodeNodeId('Authenticator', 'passkey-1'),
      },
    );
    expect(e?.extensions?.info?.cause).toEqual({ kind: 'RemovePasskeyAuthenticator' });
  });

  it('updateUser with an email that is not one of the identities: "unexpected error", no extensions', async () => {
    const u = c.fake.store.addUser({ email: 'owner@example.com' });
    const body = await c.gql(
      'mutation($id: ID!, $s: UserStandardAttributes) { updateUser(input: { userID: $id, standardAttributes: $s }) { user { id } } }',
      { id: userId(u.id), s: { email: 'not-mine@example.com' } },
    );
    expect(body.errors).toEqual([
      { message: 'unexpected error', locations: expect.any(Array), path: ['updateUser'] },
    ]);
    expect(firstError(body)?.extensions).toBeUndefined();
    expect(c.fake.store.user(u.id)?.standardAttributes.email).toBe('owner@example.com');
  });
});

describe('password, reset and rate-limit errors', () => {
  it('PasswordPolicyViolated lists causes as { Name, Info } (authenticator/password/checker.go)', async () => {
    const u = c.fake.store.addUser({ email: 'short@example.com' });
    const e = await errorOf(
      'mutation($id: ID!) { resetPassword(input: { userID: $id, password: "abc" }) { user { id } } }',
      {
        id: userId(u.id),
      },
    );
    expect(e?.extensions).toEqual({
      errorName: 'Invalid',
      reason: 'PasswordPolicyViolated',
      info: { causes: [{ Name: 'PasswordTooShort', Info: { min_length: 8, pw_length: 3 } }] },
    });
  });

  it('applies the password history to admin resets when the project keeps one', async () => {
    c.fake.store.configure({ passwordHistorySize: 3 });
    try {
      const u = c.fake.store.addUser({ email: 'history@example.com', password: null });
      const reset = (pw: string) =>
        errorOf(
          'mutation($id: ID!, $pw: String) { resetPassword(input: { userID: $id, password: $pw }) { user { id } } }',
          {
            id: userId(u.id),
            pw,
          },
        );
      expect(await reset('first-password')).toBeUndefined();
      expect((await reset('first-password'))?.extensions?.info?.causes).toEqual([
        { Name: 'PasswordReused', Info: { history_size: 3, history_days: 0 } },
      ]);
    } finally {
      c.fake.store.configure({ passwordHistorySize: 0 });
    }
  });

  it('sendResetPasswordMessage to nobody: Invalid / ForgotPasswordFailed, cause UserNotFound', async () => {
    const e = await errorOf(
      'mutation { sendResetPasswordMessage(input: { loginID: "nobody@example.com" }) }',
    );
    expect(e?.extensions).toEqual({
      errorName: 'Invalid',
      reason: 'ForgotPasswordFailed',
      info: { cause: { kind: 'UserNotFound' } },
    });
  });

  it('a second reset message within the cooldown: TooManyRequest / RateLimited', async () => {
    c.fake.store.addUser({ email: 'cool@example.com' });
    const send = () =>
      errorOf('mutation { sendResetPasswordMessage(input: { loginID: "cool@example.com" }) }');
    expect(await send()).toBeUndefined();
    expect((await send())?.extensions).toEqual({
      errorName: 'TooManyRequest',
      reason: 'RateLimited',
      info: { bucket_name: 'ForgotPasswordCooldownEmail' },
    });
  });
});

describe('group and role errors (pkg/lib/rolesgroups)', () => {
  it.each([
    ['authgear:admin', 'a reserved prefix'],
    ['1abc', 'a leading digit'],
    ['x'.repeat(41), '41 characters'],
  ])('refuses the key %s (%s) with ValidationFailed', async (key) => {
    const e = await errorOf('mutation($k: String!) { createGroup(input: { key: $k }) { group { id } } }', {
      k: key,
    });
    expect(e?.extensions?.reason).toBe('ValidationFailed');
  });

  it.each([
    ['support-agent', 'a hyphen'],
    ['authgear:admin', 'a reserved prefix'],
    ['1abc', 'a leading digit'],
    ['', 'an empty key'],
    ['x'.repeat(41), '41 characters'],
  ])('seeding refuses the key "%s" (%s) as Authgear would, for groups, roles and user seeds', (key) => {
    expect(() => c.fake.store.addGroup({ key })).toThrow(/not a key Authgear accepts/);
    expect(() => c.fake.store.addRole({ key })).toThrow(/not a key Authgear accepts/);
    expect(() => c.fake.store.addGroup({ key: 'g_seed_ok', roles: [key] })).toThrow(
      /not a key Authgear accepts/,
    );
    expect(() => c.fake.store.addUser({ email: 'seed-key@example.com', groups: [key] })).toThrow(
      /not a key Authgear accepts/,
    );
    expect(() => c.fake.store.addUser({ email: 'seed-key@example.com', roles: [key] })).toThrow(
      /not a key Authgear accepts/,
    );
    expect(c.fake.store.group('g_seed_ok')).toBeUndefined();
  });

  it('seeding accepts the keys Authgear accepts', () => {
    expect(c.fake.store.addRole({ key: 'Support_agent:eu' }).key).toBe('Support_agent:eu');
    expect(c.fake.store.addGroup({ key: `_${'x'.repeat(39)}` }).key).toHaveLength(40);
  });

  it('GroupDuplicateKey / RoleDuplicateKey on create and update', async () => {
    c.fake.store.addGroup({ key: 'g_one' });
    const g2 = c.fake.store.addGroup({ key: 'g_two' });
    c.fake.store.addRole({ key: 'r_one' });
    expect(
      (await errorOf('mutation { createGroup(input: { key: "g_one" }) { group { id } } }'))?.extensions
        ?.reason,
    ).toBe('GroupDuplicateKey');
    expect(
      (await errorOf('mutation { createRole(input: { key: "r_one" }) { role { id } } }'))?.extensions?.reason,
    ).toBe('RoleDuplicateKey');
    const e = await errorOf(
      'mutation($id: ID!) { updateGroup(input: { id: $id, key: "g_one" }) { group { id } } }',
      {
        id: encodeNodeId('Group', g2.id),
      },
    );
    expect(e?.extensions).toEqual({ errorName: 'BadRequest', reason: 'GroupDuplicateKey' });
  });

  it('a single unknown key: GroupNotFound / RoleNotFound', async () => {
    expect(
      (
        await errorOf(
          'mutation { addGroupToRoles(input: { groupKey: "nope", roleKeys: [] }) { group { id } } }',
        )
      )?.extensions?.reason,
    ).toBe('GroupNotFound');
    expect(
      (
        await errorOf(
          'mutation { addRoleToGroups(input: { roleKey: "nope", groupKeys: [] }) { role { id } } }',
        )
      )?.extensions?.reason,
    ).toBe('RoleNotFound');
  });

  it('unknown ROLE keys given to a group come back as GroupUnknownKeys with info.keys', async () => {
    c.fake.store.addGroup({ key: 'g_links', roles: ['r_known'] });
    const e = await errorOf(
      'mutation { addGroupToRoles(input: { groupKey: "g_links", roleKeys: ["r_known", "r_x", "r_y"] }) { group { id } } }',
    );
    expect(e?.extensions).toEqual({
      errorName: 'NotFound',
      reason: 'GroupUnknownKeys',
      info: { keys: ['r_x', 'r_y'] },
    });
  });

  it('unknown role keys given to a user: RoleUnknownKeys; unknown users in a list: UserUnknownKeys with info.ids', async () => {
    const u = c.fake.store.addUser({ email: 'links@example.com' });
    const roles = await errorOf(
      'mutation($id: ID!) { addUserToRoles(input: { userID: $id, roleKeys: ["r_zz"] }) { user { id } } }',
      { id: userId(u.id) },
    );
    expect(roles?.extensions).toEqual({
      errorName: 'NotFound',
      reason: 'RoleUnknownKeys',
      info: { keys: ['r_zz'] },
    });
    const users = await errorOf(
      'mutation($ids: [ID!]) { addGroupToUsers(input: { groupKey: "g_links", userIDs: $ids }) { group { id } } }',
      {
        ids: [userId(u.id), userId('ghost-1')],
      },
    );
    expect(users?.extensions).toEqual({
      errorName: 'NotFound',
      reason: 'UserUnknownKeys',
      info: { ids: ['ghost-1'] },
    });
    expect(c.fake.store.user(u.id)?.groupIds.size).toBe(0);
  });
});
