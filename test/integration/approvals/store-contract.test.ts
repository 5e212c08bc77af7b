import type { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { newApprovalId } from '../../../src/approvals/ids.js';
import { createMemoryApprovalStore } from '../../../src/approvals/memory-store.js';
import { type ApprovalRequest, newApprovalRecord } from '../../../src/approvals/record.js';
import { connectRedis, createRedisApprovalStore } from '../../../src/approvals/redis-store.js';
import type { ApprovalStore } from '../../../src/approvals/store.js';
import { connectRedisTarget } from '../../../src/redis/client.js';
import { approvalRequest } from '../../support/approvals.js';
import { type PrivateRedis, startPrivateRedis, uniquePrefix } from '../../support/redis.js';
import { hasRedisCli, type RedisClusterServer, startRedisCluster } from '../../support/redis-cluster.js';

const T0 = new Date('2030-01-01T00:00:00.000Z');
const at = (ms: number): Date => new Date(T0.getTime() + ms);
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const LEASE = 5 * MINUTE;

const request = (overrides: Partial<ApprovalRequest> = {}): ApprovalRequest =>
  approvalRequest({
    input: { userId: 'VXNlcjox', roles: [], note: { nested: [1, 'two'] } },
    target: { userId: 'VXNlcjox', label: 'alice@example.com' },
    summary: 'Disable alice@example.com',
    requester: { userId: 'UREQ', teamId: 'T1', name: 'Requester' },
    reason: 'left the company',
    ...overrides,
  });

let server: PrivateRedis;
const connections: Redis[] = [];

// The same contract on a real 3-master Redis Cluster when redis-cli is there to build one.
const withCluster = hasRedisCli();
let cluster: RedisClusterServer | undefined;

beforeAll(async () => {
  server = await startPrivateRedis();
  if (withCluster) cluster = await startRedisCluster();
}, 60_000);
afterAll(async () => {
  await server.stop();
  await cluster?.stop();
});

const implementations: Array<[string, () => ApprovalStore]> = [
  ['memory', () => createMemoryApprovalStore()],
  [
    'redis',
    () => {
      const redis = connectRedis(server.url);
      connections.push(redis);
      return createRedisApprovalStore({ redis, prefix: uniquePrefix() });
    },
  ],
  ...(withCluster
    ? ([
        [
          'redis cluster',
          () => {
            const redis = connectRedisTarget({ kind: 'cluster', nodes: cluster?.nodes ?? [] });
            if (!redis) throw new Error('no cluster client');
            return createRedisApprovalStore({ redis, prefix: uniquePrefix(), readyWaitMs: 5000 });
          },
        ],
      ] satisfies Array<[string, () => ApprovalStore]>)
    : []),
];

describe.each(implementations)('%s approval store', (_name, makeStore) => {
  let store: ApprovalStore;
  beforeEach(() => {
    store = makeStore();
  });
  afterEach(async () => {
    await store.close();
  });

  const open = async (overrides: Partial<ApprovalRequest> = {}, createdAt = T0) =>
    store.create(newApprovalRecord(request(overrides), { id: newApprovalId(), now: createdAt, ttlMs: HOUR }));

  it('stores a pending record and reads it back unchanged', async () => {
    const created = await open();
    expect(created.state).toBe('pending');
    expect(created.revision).toBe(1);
    expect(await store.get(created.id)).toEqual(created);
    expect(created.input).toEqual({ userId: 'VXNlcjox', roles: [], note: { nested: [1, 'two'] } });
  });

  it('returns undefined for a missing or malformed ID and refuses decisions on it as not_found', async () => {
    expect(await store.get(newApprovalId())).toBeUndefined();
    expect(await store.get('bad}{id')).toBeUndefined();
    const refused = await store.approve(newApprovalId(), { userId: 'UA', now: T0, leaseMs: LEASE });
    expect(refused).toEqual({ kind: 'refused', reason: 'not_found' });
    expect(await store.reject(newApprovalId(), { userId: 'UA', now: T0 })).toMatchObject({
      reason: 'not_found',
    });
    expect(await store.cancel(newApprovalId(), { userId: 'UA', now: T0 })).toMatchObject({
      reason: 'not_found',
    });
  });

  it('refuses to create a record whose ID already exists', async () => {
    const created = await open();
    await expect(store.create(created)).rejects.toMatchObject({ code: 'state.conflict' });
  });

  it('executes on the single approval of a 1-of-1 request and hands out a claim with a lease', async () => {
    const { id } = await open();
    const outcome = await store.approve(id, { userId: 'UA', comment: 'ok', now: at(MINUTE), leaseMs: LEASE });
    expect(outcome.kind).toBe('execute');
    if (outcome.kind !== 'execute') return;
    expect(outcome.claim.length).toBeGreaterThanOrEqual(16);
    expect(outcome.record).toMatchObject({
      state: 'executing',
      executor: outcome.claim,
      leaseUntil: at(MINUTE + LEASE).toISOString(),
      approvals: [{ userId: 'UA', at: at(MINUTE).toISOString(), comment: 'ok' }],
      revision: 2,
    });
    expect(await store.get(id)).toEqual(outcome.record);
  });

  it('counts the first of two required approvals and executes on the second distinct approver', async () => {
    const { id } = await open({ required: 2 });
    const first = await store.approve(id, { userId: 'UA', now: at(1), leaseMs: LEASE });
    expect(first).toMatchObject({ kind: 'recorded', record: { state: 'pending', revision: 2 } });
    const again = await store.approve(id, { userId: 'UA', now: at(2), leaseMs: LEASE });
    expect(again).toMatchObject({ kind: 'refused', reason: 'duplicate', record: { state: 'pending' } });
    const self = await store.approve(id, { userId: 'UREQ', now: at(3), leaseMs: LEASE });
    expect(self).toMatchObject({ kind: 'refused', reason: 'self_approval' });
    const second = await store.approve(id, { userId: 'UB', now: at(4), leaseMs: LEASE });
    expect(second.kind).toBe('execute');
    expect(second.kind === 'execute' && second.record.approvals.map((a) => a.userId)).toEqual(['UA', 'UB']);
    const third = await store.approve(id, { userId: 'UC', now: at(5), leaseMs: LEASE });
    expect(third).toMatchObject({ kind: 'refused', reason: 'closed', record: { state: 'executing' } });
  });

  it('never lets the requester approve, even as the only possible approver', async () => {
    const { id } = await open();
    const outcome = await store.approve(id, { userId: 'UREQ', now: at(1), leaseMs: LEASE });
    expect(outcome).toMatchObject({ kind: 'refused', reason: 'self_approval' });
    expect((await store.get(id))?.approvals).toEqual([]);
  });

  it('rejects a pending request once and refuses later clicks as closed', async () => {
    const { id } = await open({ required: 2 });
    await store.approve(id, { userId: 'UA', now: at(1), leaseMs: LEASE });
    const rejected = await store.reject(id, { userId: 'UB', reason: 'not now', now: at(2) });
    expect(rejected).toMatchObject({
      kind: 'rejected',
      record: { state: 'rejected', rejection: { userId: 'UB', reason: 'not now', at: at(2).toISOString() } },
    });
    expect(await store.approve(id, { userId: 'UC', now: at(3), leaseMs: LEASE })).toMatchObject({
      kind: 'refused',
      reason: 'closed',
      record: { state: 'rejected' },
    });
    expect(await store.reject(id, { userId: 'UC', now: at(3) })).toMatchObject({ reason: 'closed' });
  });

  it('refuses a rejection by the requester, who has to cancel instead', async () => {
    const { id } = await open();
    expect(await store.reject(id, { userId: 'UREQ', now: at(1) })).toMatchObject({ reason: 'self_approval' });
    expect((await store.get(id))?.state).toBe('pending');
  });

  it('lets only the requester cancel, and only while pending', async () => {
    const { id } = await open();
    expect(await store.cancel(id, { userId: 'UA', now: at(1) })).toMatchObject({ reason: 'not_requester' });
    const cancelled = await store.cancel(id, { userId: 'UREQ', now: at(2) });
    expect(cancelled).toMatchObject({
      kind: 'cancelled',
      record: { state: 'cancelled', cancelledAt: at(2).toISOString() },
    });
    expect(await store.cancel(id, { userId: 'UREQ', now: at(3) })).toMatchObject({ reason: 'closed' });
    expect(await store.approve(id, { userId: 'UA', now: at(3), leaseMs: LEASE })).toMatchObject({
      reason: 'closed',
    });
  });

  it('refuses an approval past expiry as expired, moving the record to expired in the same step', async () => {
    const { id } = await open();
    const late = await store.approve(id, { userId: 'UA', now: at(HOUR), leaseMs: LEASE });
    expect(late).toMatchObject({
      kind: 'refused',
      reason: 'expired',
      transitioned: true,
      record: { state: 'expired' },
    });
    const later = await store.approve(id, { userId: 'UB', now: at(HOUR + 1), leaseMs: LEASE });
    expect(later).toMatchObject({ kind: 'refused', reason: 'expired', record: { state: 'expired' } });
    expect(later).not.toHaveProperty('transitioned');
    expect(await store.sweep(at(2 * HOUR), 100)).toEqual([]);
  });

  it('sweeps an expired pending record exactly once and leaves fresh ones alone', async () => {
    const stale = await open();
    const fresh = await open({}, at(30 * MINUTE));
    expect(await store.sweep(at(HOUR - 1), 100)).toEqual([]);
    const swept = await store.sweep(at(HOUR), 100);
    expect(swept.map((r) => [r.id, r.state])).toEqual([[stale.id, 'expired']]);
    expect(await store.sweep(at(HOUR + 1), 100)).toEqual([]);
    expect((await store.get(fresh.id))?.state).toBe('pending');
    expect(await store.approve(stale.id, { userId: 'UA', now: at(HOUR + 2), leaseMs: LEASE })).toMatchObject({
      reason: 'expired',
    });
  });

  it('completes an execution only with the matching claim', async () => {
    const { id } = await open();
    const outcome = await store.approve(id, { userId: 'UA', now: at(1), leaseMs: LEASE });
    if (outcome.kind !== 'execute') throw new Error(`expected execute, got ${outcome.kind}`);
    const wrong = await store.complete(id, { claim: 'not-the-claim', result: { ok: true }, now: at(2) });
    expect(wrong).toMatchObject({ kind: 'refused', reason: 'not_executor', record: { state: 'executing' } });
    const done = await store.complete(id, {
      claim: outcome.claim,
      result: { ok: true, message: 'done' },
      now: at(3),
    });
    expect(done).toMatchObject({
      kind: 'completed',
      record: { state: 'executed', result: { ok: true, message: 'done' } },
    });
    const twice = await store.complete(id, { claim: outcome.claim, result: { ok: false }, now: at(4) });
    expect(twice).toMatchObject({ kind: 'refused', reason: 'closed', record: { state: 'executed' } });
  });

  it('records a failed execution as failed with its error code', async () => {
    const { id } = await open();
    const outcome = await store.approve(id, { userId: 'UA', now: at(1), leaseMs: LEASE });
    if (outcome.kind !== 'execute') throw new Error(`expected execute, got ${outcome.kind}`);
    const result = { ok: false, message: 'no such user', errorCode: 'authgear.not_found' };
    const done = await store.complete(id, { claim: outcome.claim, result, now: at(2) });
    expect(done).toMatchObject({ kind: 'completed', record: { state: 'failed', result } });
  });

  it('sweeps an execution past its lease to unknown once and never hands out execute again', async () => {
    const { id } = await open({ required: 2 });
    await store.approve(id, { userId: 'UA', now: at(1), leaseMs: LEASE });
    const outcome = await store.approve(id, { userId: 'UB', now: at(2), leaseMs: LEASE });
    if (outcome.kind !== 'execute') throw new Error(`expected execute, got ${outcome.kind}`);
    expect(await store.sweep(at(LEASE + 1), 100)).toEqual([]);
    const swept = await store.sweep(at(LEASE + 2), 100);
    expect(swept.map((r) => [r.id, r.state])).toEqual([[id, 'unknown']]);
    expect(await store.sweep(at(LEASE + 3), 100)).toEqual([]);
    expect(await store.approve(id, { userId: 'UC', now: at(LEASE + 4), leaseMs: LEASE })).toMatchObject({
      reason: 'closed',
      record: { state: 'unknown' },
    });
    const late = await store.complete(id, { claim: outcome.claim, result: { ok: true }, now: at(LEASE + 5) });
    expect(late).toMatchObject({ kind: 'refused', reason: 'closed', record: { state: 'unknown' } });
  });

  it('keeps the card location it was created with (the card is posted before the request is stored)', async () => {
    const card = {
      channel: 'CAPPROVALS',
      ts: '1700000000.000100',
      link: 'https://x.slack.com/archives/C/p1',
    };
    const fresh = newApprovalRecord(request(), { id: newApprovalId(), now: T0, ttlMs: HOUR });
    const created = await store.create({ ...fresh, card });
    expect(created).toMatchObject({ card, revision: 1 });
    expect((await store.get(created.id))?.card).toEqual(card);
  });

  it('lists pending records most recent first, leaving out decided and overdue ones', async () => {
    const a = await open({}, at(0));
    const b = await open({}, at(10 * MINUTE));
    const c = await open({}, at(20 * MINUTE));
    const d = await open({}, at(30 * MINUTE));
    await store.reject(c.id, { userId: 'UA', now: at(31 * MINUTE) });
    expect((await store.listPending({ limit: 10 })).map((r) => r.id)).toEqual([d.id, b.id, a.id]);
    expect((await store.listPending({ limit: 2 })).map((r) => r.id)).toEqual([d.id, b.id]);
    const later = await store.listPending({ limit: 10, now: at(HOUR + 5 * MINUTE) });
    expect(later.map((r) => r.id)).toEqual([d.id, b.id]);
  });

  it("lists a requester's records in any state, most recent first", async () => {
    const a = await open({}, at(0));
    const b = await open({}, at(MINUTE));
    await open({ requester: { userId: 'UOTHER' } }, at(2 * MINUTE));
    await store.cancel(a.id, { userId: 'UREQ', now: at(3 * MINUTE) });
    const mine = await store.listByRequester('UREQ', 10);
    expect(mine.map((r) => [r.id, r.state])).toEqual([
      [b.id, 'pending'],
      [a.id, 'cancelled'],
    ]);
    expect((await store.listByRequester('UREQ', 1)).map((r) => r.id)).toEqual([b.id]);
    expect(await store.listByRequester('UNOBODY', 10)).toEqual([]);
  });
});
