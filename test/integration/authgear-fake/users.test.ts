/**
 * FACTS.md semantics of users: per-project login ID keys, look-ups, resetPassword, generateOOBOTPCode and
 * updateUser (pkg/lib/authn/identity/loginid/provider.go, pkg/admin/facade/user.go, forgotpassword/,
 * pkg/lib/feature/stdattrs, pkg/lib/feature/customattrs).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeNodeId } from '../../fakes/authgear/index.js';
import { type FakeAdminClient, firstError, startFakeAdmin } from '../../support/admin-graphql.js';

let c: FakeAdminClient;
beforeAll(async () => {
  c = await startFakeAdmin(); // Authgear's default project: email login IDs only
});
afterAll(async () => c.close());

const userId = (id: string) => encodeNodeId('User', id);

describe('login ID keys are per project (default: email only)', () => {
  it('getUserByLoginID with a key the project does not configure: GetUsersInvalidArgument, not null', async () => {
    const body = await c.gql(
      'query { getUserByLoginID(loginIDKey: "phone", loginIDValue: "+14155550100") { id } }',
    );
    expect(firstError(body)?.extensions).toEqual({ errorName: 'Invalid', reason: 'GetUsersInvalidArgument' });
  });

  it('createUser with such a key: InvariantViolated, cause InvalidLoginIDKey', async () => {
    const body = await c.gql(
      'mutation { createUser(input: { definition: { loginID: { key: "username", value: "bob_the_user" } } }) { user { id } } }',
    );
    expect(firstError(body)?.extensions).toEqual({
      errorName: 'Invalid',
      reason: 'InvariantViolated',
      info: { cause: { kind: 'InvalidLoginIDKey' } },
    });
  });

  it('once configured, the same look-up answers', async () => {
    c.fake.store.configure({ loginIdKeys: ['email', 'phone'] });
    try {
      c.fake.store.addUser({ email: 'p@example.com', phone: '+14155550100' });
      const body = await c.gql(
        'query { getUserByLoginID(loginIDKey: "phone", loginIDValue: "+14155550100") { standardAttributes } }',
      );
      expect(body.data?.getUserByLoginID).toMatchObject({
        standardAttributes: { phone_number: '+14155550100' },
      });
    } finally {
      c.fake.store.configure({ loginIdKeys: ['email'] });
    }
  });

  it('getUsersByStandardAttribute matches the identities’ claims, normalized, whatever the keys', async () => {
    c.fake.store.addUser({ email: 'Norm.Al@Example.com' });
    const found = await c.gql(
      'query { getUsersByStandardAttribute(attributeName: "email", attributeValue: "NORM.AL@example.COM") { standardAttributes } }',
    );
    expect(found.data?.getUsersByStandardAttribute).toEqual([
      expect.objectContaining({
        standardAttributes: expect.objectContaining({ email: 'norm.al@example.com' }),
      }),
    ]);
    const none = await c.gql(
      'query { getUsersByStandardAttribute(attributeName: "phone_number", attributeValue: "+14155550199") { id } }',
    );
    expect(none).toEqual({ data: { getUsersByStandardAttribute: [] } });
  });
});

describe('resetPassword', () => {
  it.each([
    ['omitted', 'resetPassword(input: { userID: $id })'],
    ['empty', 'resetPassword(input: { userID: $id, password: "" })'],
  ])('generates a password when it is %s', async (_n, field) => {
    const u = c.fake.store.addUser({ email: `gen${_n}@example.com` });
    const body = await c.gql(`mutation($id: ID!) { ${field} { user { id } } }`, { id: userId(u.id) });
    expect(body.errors).toBeUndefined();
    expect(u.authenticators.find((a) => a.type === 'PASSWORD')?.password).not.toBe('Passw0rd!Passw0rd');
  });

  it('sendPassword mails it to email login IDs only; without one: SendPasswordNoTarget, nothing changed', async () => {
    c.fake.store.configure({ loginIdKeys: ['email', 'username'] });
    try {
      const u = c.fake.store.addUser({
        username: 'no_mail',
        standardAttributes: { email: 'profile@example.com' },
      });
      const body = await c.gql(
        'mutation($id: ID!) { resetPassword(input: { userID: $id, password: "new-password-1", sendPassword: true }) { user { id } } }',
        {
          id: userId(u.id),
        },
      );
      expect(firstError(body)?.extensions).toEqual({ errorName: 'Invalid', reason: 'SendPasswordNoTarget' });
      expect(u.authenticators.find((a) => a.type === 'PASSWORD')?.password).toBe('Passw0rd!Passw0rd');
      const mailed = c.fake.store.addUser({ email: 'mailed@example.com' });
      await c.gql(
        'mutation($id: ID!) { resetPassword(input: { userID: $id, sendPassword: true }) { user { id } } }',
        { id: userId(mailed.id) },
      );
      expect(c.fake.store.sentMessages.at(-1)).toMatchObject({
        kind: 'password',
        recipient: 'mailed@example.com',
      });
    } finally {
      c.fake.store.configure({ loginIdKeys: ['email'] });
    }
  });
});

describe('generateOOBOTPCode', () => {
  it('takes any target, checks no ownership, and answers { code }', async () => {
    const body = await c.gql(
      'mutation { generateOOBOTPCode(input: { target: "+15550000000", purpose: LOGIN }) { code } }',
    );
    expect(body.data?.generateOOBOTPCode).toEqual({ code: expect.stringMatching(/^\d{6}$/) });
  });
});

describe('updateUser', () => {
  const update = (id: string, input: string, vars: Record<string, unknown> = {}) => {
    const defs = [
      ...(input.includes('$s') ? ['$s: UserStandardAttributes'] : []),
      ...(input.includes('$c') ? ['$c: UserCustomAttributes'] : []),
    ];
    return c.gql(
      `mutation($id: ID!, ${defs.join(', ')}) { updateUser(input: { userID: $id, ${input} }) { user { standardAttributes customAttributes } } }`,
      { id, ...vars },
    );
  };

  it('replaces standard attributes whole, and fills the identity claims back in', async () => {
    const u = c.fake.store.addUser({ email: 'whole@example.com', name: 'Old', givenName: 'Gone' });
    await update(userId(u.id), 'standardAttributes: $s', { s: { name: 'New' } });
    expect(c.fake.store.user(u.id)?.standardAttributes).toEqual({ name: 'New', email: 'whole@example.com' });
  });

  it('drops custom attributes the project does not configure, silently', async () => {
    c.fake.store.configure({ customAttributes: [{ name: 'department', type: 'string' }] });
    try {
      const u = c.fake.store.addUser({
        email: 'custom@example.com',
        customAttributes: { department: 'Ops' },
      });
      const body = await update(userId(u.id), 'customAttributes: $c', {
        c: { department: 'Sales', shoe_size: 42 },
      });
      expect(body.errors).toBeUndefined();
      expect(body.data?.updateUser).toMatchObject({ user: { customAttributes: { department: 'Sales' } } });
      expect(c.fake.store.user(u.id)?.customAttributes).toEqual({ department: 'Sales' });
    } finally {
      c.fake.store.configure({ customAttributes: [] });
    }
  });

  it('serves no sub, but updated_at in seconds; sending the derived ones back is fine, sub is refused', async () => {
    const u = c.fake.store.addUser({ email: 'derived@example.com', updatedAt: '2026-01-01T00:00:01.500Z' });
    const read = await c.gql('query($id: ID!) { node(id: $id) { ... on User { standardAttributes } } }', {
      id: userId(u.id),
    });
    const attrs = (read.data as { node: { standardAttributes: Record<string, unknown> } }).node
      .standardAttributes;
    expect(attrs).toEqual({ email: 'derived@example.com', email_verified: true, updated_at: 1767225601 });
    expect((await update(userId(u.id), 'standardAttributes: $s', { s: attrs })).errors).toBeUndefined();
    const sub = await update(userId(u.id), 'standardAttributes: $s', { s: { ...attrs, sub: 'x' } });
    expect(firstError(sub)?.extensions?.reason).toBe('ValidationFailed');
  });
});
