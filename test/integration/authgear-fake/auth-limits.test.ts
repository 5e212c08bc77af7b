/** FACTS.md "Authentication" and "Limits", against the fake (pkg/lib/admin/authz/middleware.go, handler*.go). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeNodeId } from '../../fakes/authgear/index.js';
import { type FakeAdminClient, firstError, startFakeAdmin } from '../../support/admin-graphql.js';

let c: FakeAdminClient;
beforeAll(async () => {
  c = await startFakeAdmin();
});
afterAll(async () => c.close());

const ME = 'query { users(first: 1) { totalCount } }';
const nowSeconds = () => Math.floor(Date.now() / 1000);

describe('Admin API JWT (authz/middleware.go)', () => {
  it('accepts a token with no maximum lifetime (a day long)', async () => {
    expect((await c.post(ME, {}, { lifetimeSeconds: 86_400 })).status).toBe(200);
  });

  it('allows 5 minutes of clock skew on exp, not more', async () => {
    const fourMinutesLate = { issuedAt: nowSeconds() - 300, lifetimeSeconds: 60 };
    const sixMinutesLate = { issuedAt: nowSeconds() - 420, lifetimeSeconds: 60 };
    expect((await c.post(ME, {}, fourMinutesLate)).status).toBe(200);
    const refused = await c.post(ME, {}, sixMinutesLate);
    expect(refused.status).toBe(403);
    expect(refused.text).toBe('Forbidden\n');
  });

  it('refuses a token issued more than 5 minutes in the future', async () => {
    expect((await c.post(ME, {}, { issuedAt: nowSeconds() + 600, lifetimeSeconds: 60 })).status).toBe(403);
  });

  it('refuses a token whose kid names no key, or for another project', async () => {
    expect((await c.post(ME, {}, { keyId: 'someone-else' })).status).toBe(403);
    expect((await c.post(ME, {}, { audience: 'other' })).status).toBe(403);
  });

  it('copies the audit_context claim as-is into the audit log entries the request causes', async () => {
    const u = c.fake.store.addUser({ email: 'ctx@example.com' });
    const context = { slack_user_id: 'U1', nested: { a: [1, 2] } };
    await c.post(
      'mutation($id: ID!) { revokeAllSessions(input: { userID: $id }) { user { id } } }',
      { id: encodeNodeId('User', u.id) },
      { claims: { audit_context: context } },
    );
    const entry = c.fake.store.auditLogs().at(-1);
    expect(entry?.activityType).toBe('ADMIN_API_MUTATION_REVOKE_ALL_SESSIONS_EXECUTED');
    expect(
      (entry?.data as { context?: { audit_context?: unknown } } | undefined)?.context?.audit_context,
    ).toEqual(context);
  });
});

describe('request limits and transactions (graphqlutil/handler.go, handler_graphql.go)', () => {
  it('answers a body over 1 MiB with 413', async () => {
    const res = await c.post(`query { users(searchKeyword: "${'x'.repeat(1024 * 1024)}") { totalCount } }`);
    expect(res.status).toBe(413);
    expect(res.body.error).toMatchObject({ name: 'RequestEntityTooLarge', code: 413 });
  });

  it('refuses more than 5 top-level mutation fields with 400, and allows 5', async () => {
    const u = c.fake.store.addUser({ email: 'five@example.com' });
    const field = (i: number) => `m${i}: revokeAllSessions(input: { userID: $id }) { user { id } }`;
    const doc = (n: number) =>
      `mutation($id: ID!) { ${Array.from({ length: n }, (_, i) => field(i)).join(' ')} }`;
    const id = encodeNodeId('User', u.id);
    const six = await c.post(doc(6), { id });
    expect(six.status).toBe(400);
    expect(six.body.error).toMatchObject({ name: 'BadRequest', reason: 'BadRequest' });
    expect((await c.post(doc(5), { id })).status).toBe(200);
  });

  it('rolls the whole request back when any field fails', async () => {
    const u = c.fake.store.addUser({ email: 'tx@example.com', sessions: 2 });
    const res = await c.post(
      `mutation($id: ID!, $ghost: ID!) {
         a: revokeAllSessions(input: { userID: $id }) { user { id } }
         b: revokeAllSessions(input: { userID: $ghost }) { user { id } }
       }`,
      { id: encodeNodeId('User', u.id), ghost: encodeNodeId('User', 'no-such-user') },
    );
    expect(firstError(res.body)?.extensions?.reason).toBe('UserNotFound');
    expect(c.fake.store.user(u.id)?.sessions).toHaveLength(2);
    expect(c.fake.store.auditLogs().some((l) => l.userId === u.id)).toBe(false);
  });
});
