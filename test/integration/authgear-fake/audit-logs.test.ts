/** FACTS.md auditLogs (pkg/lib/audit/read_store.go, log.go; pkg/api/event/nonblocking/email_sent.go). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeNodeId } from '../../fakes/authgear/index.js';
import { type FakeAdminClient, startFakeAdmin } from '../../support/admin-graphql.js';

let c: FakeAdminClient;
let clock = new Date('2026-02-01T10:00:00.250Z');
beforeAll(async () => {
  c = await startFakeAdmin({ now: () => clock });
});
afterAll(async () => c.close());

interface Entry {
  activityType: string;
  createdAt: string;
}
const logs = async (args: string, vars: Record<string, unknown> = {}) => {
  const types: Record<string, string> = { u: '[ID!]', e: '[String!]', to: 'DateTime', a: 'String' };
  const defs = Object.keys(vars).map((k) => `$${k}: ${types[k]}`);
  const body = await c.gql(
    `query${defs.length > 0 ? `(${defs.join(', ')})` : ''} { auditLogs(${args}) { totalCount pageInfo { endCursor } edges { node { activityType createdAt } } } }`,
    vars,
  );
  const conn = body.data?.auditLogs as { edges: { node: Entry }[]; pageInfo: { endCursor: string } };
  return { entries: conn.edges.map((e) => e.node), end: conn.pageInfo.endCursor };
};

describe('auditLogs', () => {
  it('keeps whole seconds and lists newest first by default', async () => {
    const u = c.fake.store.addUser({ email: 'log@example.com' });
    await c.gql('mutation($id: ID!) { revokeAllSessions(input: { userID: $id }) { user { id } } }', {
      id: encodeNodeId('User', u.id),
    });
    clock = new Date('2026-02-01T10:00:05.900Z');
    await c.gql(
      'mutation($id: ID!) { setPasswordExpired(input: { userID: $id, expired: true }) { user { id } } }',
      { id: encodeNodeId('User', u.id) },
    );
    const { entries } = await logs('userIDs: $u, first: 10', { u: [encodeNodeId('User', u.id)] });
    expect(entries.map((e) => e.createdAt)).toEqual(['2026-02-01T10:00:05.000Z', '2026-02-01T10:00:00.000Z']);
  });

  it('finds message deliveries by recipient, not by userIDs', async () => {
    const u = c.fake.store.addUser({ email: 'reset-me@example.com' });
    await c.gql('mutation { sendResetPasswordMessage(input: { loginID: "reset-me@example.com" }) }');
    const byUser = await logs('userIDs: $u, activityTypes: [EMAIL_SENT], first: 10', {
      u: [encodeNodeId('User', u.id)],
    });
    expect(byUser.entries).toEqual([]);
    const byEmail = await logs('emailAddresses: $e, activityTypes: [EMAIL_SENT], first: 10', {
      e: ['reset-me@example.com'],
    });
    expect(byEmail.entries.map((e) => e.activityType)).toEqual(['EMAIL_SENT']);
    const both = await logs('userIDs: $u, emailAddresses: $e, first: 10', {
      u: [encodeNodeId('User', u.id)],
      e: ['reset-me@example.com'],
    });
    expect(both.entries.map((e) => e.activityType)).toContain('EMAIL_SENT');
  });

  it('shifts offset cursors when entries arrive between pages, unless rangeTo is pinned', async () => {
    c.fake.store.addAuditLogs(4, (i) => ({
      activityType: 'USER_AUTHENTICATED',
      createdAt: `2026-02-01T09:00:0${i}.000Z`,
    }));
    const first = await logs('activityTypes: [USER_AUTHENTICATED], first: 2');
    const pinnedTo = '2026-02-01T09:30:00.000Z';
    const pinned = await logs('activityTypes: [USER_AUTHENTICATED], first: 2, rangeTo: $to', {
      to: pinnedTo,
    });
    c.fake.store.addAuditLog({ activityType: 'USER_AUTHENTICATED', createdAt: '2026-02-01T09:59:00.000Z' });
    const shifted = await logs('activityTypes: [USER_AUTHENTICATED], first: 2, after: $a', { a: first.end });
    expect(shifted.entries[0]?.createdAt).toBe(first.entries[1]?.createdAt); // page 2 repeats page 1's last entry
    const stable = await logs('activityTypes: [USER_AUTHENTICATED], first: 2, after: $a, rangeTo: $to', {
      a: pinned.end,
      to: pinnedTo,
    });
    expect(stable.entries.map((e) => e.createdAt)).toEqual([
      '2026-02-01T09:00:01.000Z',
      '2026-02-01T09:00:00.000Z',
    ]);
  });
});
