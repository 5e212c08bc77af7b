import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AuthgearFake, encodeNodeId, startAuthgearFake } from '../fakes/authgear/index.js';
import { type AdminJwtOverrides, type AdminKey, makeAdminKey, signAdminJwt } from '../support/keys.js';

const PROJECT = 'test-project';
let key: AdminKey;
let fake: AuthgearFake;

const post = async (
  query: string,
  variables: Record<string, unknown> = {},
  jwt?: AdminJwtOverrides,
  signWith?: AdminKey,
) => {
  const token = await signAdminJwt(signWith ?? key, PROJECT, jwt);
  const res = await fetch(`${fake.url}/_api/admin/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  const text = await res.text();
  return {
    status: res.status,
    text,
    json: (): {
      data?: Record<string, unknown> | null;
      errors?: { message: string; extensions?: Record<string, unknown> }[];
    } => JSON.parse(text),
  };
};

beforeAll(async () => {
  key = makeAdminKey();
  fake = await startAuthgearFake({ projectId: PROJECT, keyId: key.keyId, publicKeyPem: key.publicKeyPem });
});
afterAll(async () => {
  await fake.close();
});

const SEARCH =
  'query Search($q: String) { users(searchKeyword: $q, first: 10) { totalCount edges { node { id standardAttributes } } } }';

describe('Authgear fake: JWT', () => {
  it.each<[string, AdminJwtOverrides, boolean]>([
    ['a wrong audience', { audience: 'other-project' }, false],
    ['a wrong kid', { keyId: 'other-kid' }, false],
    ['an expired token', { issuedAt: Math.floor(Date.now() / 1000) - 600 }, false],
  ])('refuses %s with 403 Forbidden', async (_label, overrides) => {
    const res = await post(SEARCH, {}, overrides);
    expect(res.status).toBe(403);
    expect(res.text).toBe('Forbidden\n');
  });

  it('refuses a token signed with another key', async () => {
    const other = { ...makeAdminKey(), keyId: key.keyId };
    expect((await post(SEARCH, {}, {}, other)).status).toBe(403);
    expect(fake.rejections.at(-1)?.reason).toMatch(/signature/);
  });

  it('records an accepted request with its JWT claims', async () => {
    await post(SEARCH, { q: 'nobody' }, { claims: { audit_context: { actor: 'U1' } } });
    const last = fake.requests.at(-1);
    expect(last?.operationName).toBeNull();
    expect(last?.variables).toEqual({ q: 'nobody' });
    expect(last?.jwt.claims.audit_context).toEqual({ actor: 'U1' });
    expect(last?.jwt.header.kid).toBe(key.keyId);
  });
});

describe('Authgear fake: GraphQL', () => {
  it('answers a document that does not validate with errors and no data', async () => {
    const res = await post('query { users { edges { node { noSuchField } } } }');
    expect(res.status).toBe(200);
    expect(res.json().data).toBeNull();
    expect(res.json().errors?.[0]?.message).toMatch(/noSuchField/);
  });

  it('finds users by a substring of their email', async () => {
    fake.store.addUser({ email: 'Alice.Smith@example.com', name: 'Alice Smith' });
    fake.store.addUser({ email: 'bob@example.com' });
    const data = (await post(SEARCH, { q: 'alice.sm' })).json().data as {
      users: { totalCount: number; edges: { node: { standardAttributes: Record<string, unknown> } }[] };
    };
    expect(data.users.totalCount).toBe(1);
    expect(data.users.edges[0]?.node.standardAttributes).toMatchObject({
      email: 'alice.smith@example.com',
      email_verified: true,
    });
  });

  it('disables a user and moves updatedAt', async () => {
    const user = fake.store.addUser({ email: 'carol@example.com', updatedAt: '2020-01-01T00:00:00.000Z' });
    const res = await post(
      'mutation Disable($id: ID!) { setDisabledStatus(input: { userID: $id, isDisabled: true, reason: "fraud" }) { user { isDisabled disableReason } } }',
      { id: encodeNodeId('User', user.id) },
    );
    expect(res.json().data).toEqual({
      setDisabledStatus: { user: { isDisabled: true, disableReason: 'fraud' } },
    });
    const stored = fake.store.user(user.id);
    expect(stored && fake.store.status(stored).isDisabled).toBe(true);
    expect(fake.store.user(user.id)?.updatedAt).not.toBe('2020-01-01T00:00:00.000Z');
  });

  it.each([
    [
      'an unknown user',
      () => encodeNodeId('User', '00000000-0000-0000-0000-000000000000'),
      { errorName: 'NotFound', reason: 'UserNotFound' },
    ],
    [
      'an already disabled user',
      () =>
        encodeNodeId('User', fake.store.addUser({ email: `d${Math.random()}@x.io`, isDisabled: true }).id),
      { errorName: 'Invalid', reason: 'InvalidAccountStatusTransition' },
    ],
  ])('answers disabling %s with Authgear’s error shape', async (_label, id, extensions) => {
    const res = await post(
      'mutation D($id: ID!) { setDisabledStatus(input: { userID: $id, isDisabled: true }) { user { id } } }',
      { id: id() },
    );
    expect(res.json().data).toBeNull();
    expect(res.json().errors?.[0]?.extensions).toMatchObject(extensions);
  });

  it('refuses to delete the last identity', async () => {
    const user = fake.store.addUser({ email: 'erin@example.com' });
    const identityId = encodeNodeId('Identity', user.identities[0]?.id ?? '');
    const res = await post(
      'mutation D($id: ID!) { deleteIdentity(input: { identityID: $id }) { user { id } } }',
      { id: identityId },
    );
    expect(res.json().errors?.[0]?.extensions).toEqual({
      errorName: 'Invalid',
      reason: 'InvariantViolated',
      info: { cause: { kind: 'RemoveLastIdentity' } },
    });
  });

  it('deleting a role removes it from groups and users', async () => {
    fake.store.addGroup({ key: 'support', roles: ['agent'] });
    const user = fake.store.addUser({ email: 'frank@example.com', roles: ['agent'] });
    const role = fake.store.role('agent');
    const res = await post('mutation R($id: ID!) { deleteRole(input: { id: $id }) { ok } }', {
      id: encodeNodeId('Role', role?.id ?? ''),
    });
    expect(res.json().data).toEqual({ deleteRole: { ok: true } });
    expect(fake.store.group('support')?.roleIds.size).toBe(0);
    expect(fake.store.user(user.id)?.roleIds.size).toBe(0);
  });

  it('answers a malformed node ID with null, not an error (nodes.go)', async () => {
    const res = await post('query { node(id: "***") { id } }');
    expect(res.json()).toEqual({ data: { node: null } });
  });

  it('fails the next request on demand', async () => {
    fake.failNext({ kind: 'http', status: 503 });
    expect((await post(SEARCH)).status).toBe(503);
    fake.failNext({ kind: 'network' });
    await expect(post(SEARCH)).rejects.toThrow();
    expect((await post(SEARCH)).status).toBe(200);
  });
});
