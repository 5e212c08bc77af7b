/** One contract for the in-memory and the Redis grant schedule (and a real Redis Cluster when redis-cli is there). */
import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createMemoryGrantStore } from '../../../src/grants/memory-store.js';
import { type GrantRecord, type NewGrant, newGrantRecord } from '../../../src/grants/record.js';
import { createRedisGrantStore } from '../../../src/grants/redis-store.js';
import type { FinishReport, GrantStore } from '../../../src/grants/store.js';
import { connectRedis, connectRedisTarget } from '../../../src/redis/client.js';
import { type PrivateRedis, startPrivateRedis, uniquePrefix } from '../../support/redis.js';
import { hasRedisCli, type RedisClusterServer, startRedisCluster } from '../../support/redis-cluster.js';

const T0 = new Date('2030-01-01T00:00:00.000Z');
const at = (ms: number): Date => new Date(T0.getTime() + ms);
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const LEASE = 30_000;

let server: PrivateRedis;
const connections: Redis[] = [];
const withCluster = hasRedisCli();
let cluster: RedisClusterServer | undefined;

beforeAll(async () => {
  server = await startPrivateRedis();
  if (withCluster) cluster = await startRedisCluster();
}, 60_000);
afterAll(async () => {
  for (const c of connections) c.disconnect();
  await server.stop();
  await cluster?.stop();
});

const implementations: Array<[string, () => GrantStore]> = [
  ['memory', () => createMemoryGrantStore()],
  [
    'redis',
    () => {
      const redis = connectRedis(server.url);
      connections.push(redis);
      return createRedisGrantStore({ redis, prefix: uniquePrefix() });
    },
  ],
  ...(withCluster
    ? ([
        [
          'redis cluster',
          () => {
            const redis = connectRedisTarget(
              { kind: 'cluster', nodes: cluster?.nodes ?? [] },
              { commandTimeoutMs: 5000 },
            );
            if (!redis) throw new Error('no cluster client');
            return createRedisGrantStore({ redis, prefix: uniquePrefix() });
          },
        ],
      ] satisfies Array<[string, () => GrantStore]>)
    : []),
];

const grant = (overrides: Partial<NewGrant> = {}, now = T0): GrantRecord =>
  newGrantRecord(
    {
      user: { id: 'VXNlcjphbGljZQ', label: 'alice@example.com' },
      target: { kind: 'role', key: 'support_lead' },
      requester: { userId: 'UREQ', name: 'req' },
      reason: 'incident 42',
      durationMs: HOUR,
      remindBeforeMs: undefined,
      ...overrides,
    },
    now,
  );

const none: FinishReport = { reminded: {}, covered: [] };
const token = (): string => `token-${randomUUID()}`;

describe.each(implementations)('%s grant store', (_name, makeStore) => {
  let store: GrantStore;
  beforeEach(() => {
    store = makeStore();
  });
  afterEach(async () => {
    await store.close();
  });

  const create = async (g: GrantRecord, now = T0): Promise<GrantRecord> => {
    const outcome = await store.create(g, now);
    if (outcome.kind !== 'ok') throw new Error(`create refused: ${outcome.reason}`);
    return outcome.record;
  };
  const claim = (tag: string, now: Date, t = token()) => store.claim(tag, { now, leaseMs: LEASE, token: t });
  const tagOf = (g: GrantRecord): string => g.id.split('.').slice(0, 2).join('.');

  it('stores an active grant, schedules it at its expiry and reads it back unchanged', async () => {
    const g = await create(grant());
    expect(await store.get(g.id)).toEqual(g);
    expect(g.state).toBe('active');
    expect(await store.due(T0, 10)).toEqual({ tags: [], nextAtMs: T0.getTime() + HOUR });
    expect(await store.due(at(HOUR), 10)).toEqual({ tags: [tagOf(g)], nextAtMs: undefined });
  });

  it('answers undefined or not_found for unknown and malformed IDs', async () => {
    const g = grant();
    expect(await store.get(g.id)).toBeUndefined();
    expect(await store.get('bad}{id')).toBeUndefined();
    expect(await store.endNow(g.id, { by: 'U1', why: 'revoke', now: T0 })).toEqual({
      kind: 'refused',
      reason: 'not_found',
    });
    expect(await store.extend('nope', { expiresAtMs: 1, remindAtMs: undefined, now: T0 })).toMatchObject({
      reason: 'not_found',
    });
    expect(await store.claim('nope', { now: T0, leaseMs: LEASE, token: 't' })).toEqual({
      kind: 'later',
      atMs: undefined,
    });
  });

  it('hands the revoke at expiry to one claim, then ends the grant and unschedules it', async () => {
    const g = await create(grant());
    expect(await claim(tagOf(g), at(HOUR - 1))).toEqual({ kind: 'later', atMs: T0.getTime() + HOUR });
    const t = token();
    const claimed = await claim(tagOf(g), at(HOUR), t);
    expect(claimed).toMatchObject({ kind: 'claimed', work: { covered: [], remind: [] } });
    if (claimed.kind !== 'claimed') return;
    expect(claimed.work.revoke.map((r) => [r.id, r.state])).toEqual([[g.id, 'revoking']]);
    expect(await claim(tagOf(g), at(HOUR + 1))).toEqual({
      kind: 'busy',
      untilMs: T0.getTime() + HOUR + LEASE,
    });
    const done = await store.finish(
      tagOf(g),
      t,
      { ...none, revoke: { ids: [g.id], outcome: 'revoked' } },
      at(HOUR + 2),
    );
    expect(done).toMatchObject({ kind: 'done', overdue: [] });
    if (done.kind !== 'done') return;
    expect(done.ended.map((r) => [r.id, r.state, r.ended])).toEqual([
      [g.id, 'ended', { at: T0.getTime() + HOUR + 2, how: 'revoked' }],
    ]);
    expect(await store.due(at(2 * HOUR), 10)).toEqual({ tags: [], nextAtMs: undefined });
    expect(await store.live({ limit: 10 })).toEqual([]);
    expect((await store.get(g.id))?.state).toBe('ended');
  });

  it('lets only one of many concurrent claims take the work', async () => {
    const g = await create(grant());
    const outcomes = await Promise.all(Array.from({ length: 20 }, () => claim(tagOf(g), at(HOUR))));
    expect(outcomes.filter((o) => o.kind === 'claimed')).toHaveLength(1);
    expect(outcomes.filter((o) => o.kind === 'busy')).toHaveLength(19);
  });

  it('does not cut access at the first expiry while a second grant of the same access runs on', async () => {
    const first = await create(grant());
    const second = await create(grant({ durationMs: 2 * HOUR }, at(10 * MINUTE)), at(10 * MINUTE));
    expect(tagOf(first)).toBe(tagOf(second));
    const t = token();
    const claimed = await claim(tagOf(first), at(HOUR), t);
    if (claimed.kind !== 'claimed') throw new Error(claimed.kind);
    expect(claimed.work.covered.map((r) => r.id)).toEqual([first.id]);
    expect(claimed.work.revoke).toEqual([]);
    const done = await store.finish(tagOf(first), t, { ...none, covered: [first.id] }, at(HOUR));
    expect(done.kind === 'done' && done.ended.map((r) => r.ended?.how)).toEqual(['covered']);
    expect((await store.live({ limit: 10 })).map((r) => r.id)).toEqual([second.id]);
    const later = await claim(tagOf(first), at(10 * MINUTE + 2 * HOUR));
    expect(later.kind === 'claimed' && later.work.revoke.map((r) => r.id)).toEqual([second.id]);
  });

  it('revokes grants that all ended while nobody ran, in one claim', async () => {
    const a = await create(grant());
    const b = await create(grant({ durationMs: 2 * HOUR }));
    const claimed = await claim(tagOf(a), at(5 * HOUR));
    expect(claimed.kind === 'claimed' && claimed.work.revoke.map((r) => r.id).sort()).toEqual(
      [a.id, b.id].sort(),
    );
  });

  it('hands a revoke whose worker died to the next claim after the lease, and ignores the dead worker later', async () => {
    const g = await create(grant());
    const dead = token();
    await claim(tagOf(g), at(HOUR), dead);
    expect((await claim(tagOf(g), at(HOUR + LEASE - 1))).kind).toBe('busy');
    expect(await store.due(at(HOUR + LEASE), 10)).toMatchObject({ tags: [tagOf(g)] });
    const t = token();
    const again = await claim(tagOf(g), at(HOUR + LEASE), t);
    expect(again.kind === 'claimed' && again.work.revoke.map((r) => r.id)).toEqual([g.id]);
    const late = await store.finish(
      tagOf(g),
      dead,
      { ...none, revoke: { ids: [g.id], outcome: 'revoked' } },
      at(HOUR + LEASE + 1),
    );
    expect(late).toEqual({ kind: 'lost' });
    const done = await store.finish(
      tagOf(g),
      t,
      { ...none, revoke: { ids: [g.id], outcome: 'revoked' } },
      at(HOUR + LEASE + 2),
    );
    expect(done.kind === 'done' && done.ended.map((r) => r.id)).toEqual([g.id]);
  });

  it('keeps a failed revoke overdue, retries it at its next try, and never forgets it', async () => {
    const g = await create(grant());
    const t = token();
    await claim(tagOf(g), at(HOUR), t);
    const failed = await store.finish(
      tagOf(g),
      t,
      {
        ...none,
        revoke: {
          ids: [g.id],
          outcome: 'failed',
          nextTryMs: T0.getTime() + HOUR + MINUTE,
          errorCode: 'authgear.unavailable',
        },
      },
      at(HOUR + 1),
    );
    expect(failed.kind === 'done' && failed.overdue.map((r) => [r.state, r.attempts, r.lastError])).toEqual([
      ['overdue', 1, 'authgear.unavailable'],
    ]);
    expect((await store.live({ limit: 10 })).map((r) => [r.id, r.state, r.overdueSince])).toEqual([
      [g.id, 'overdue', T0.getTime() + HOUR + 1],
    ]);
    expect(await store.due(at(HOUR + 2), 10)).toEqual({ tags: [], nextAtMs: T0.getTime() + HOUR + MINUTE });
    const t2 = token();
    const retry = await claim(tagOf(g), at(HOUR + MINUTE), t2);
    expect(retry.kind === 'claimed' && retry.work.revoke.map((r) => [r.id, r.attempts])).toEqual([[g.id, 1]]);
    const done = await store.finish(
      tagOf(g),
      t2,
      { ...none, revoke: { ids: [g.id], outcome: 'gone' } },
      at(HOUR + MINUTE),
    );
    expect(done.kind === 'done' && done.ended.map((r) => r.ended?.how)).toEqual(['gone']);
  });

  it('lets a new grant of the same access take over an overdue revoke, which then ends as covered', async () => {
    const old = await create(grant());
    const t = token();
    await claim(tagOf(old), at(HOUR), t);
    await store.finish(
      tagOf(old),
      t,
      { ...none, revoke: { ids: [old.id], outcome: 'failed', nextTryMs: T0.getTime() + 2 * HOUR } },
      at(HOUR),
    );
    const fresh = await create(grant({}, at(HOUR + MINUTE)), at(HOUR + MINUTE));
    expect(await store.due(at(HOUR + MINUTE), 10)).toMatchObject({ tags: [tagOf(old)] });
    const claimed = await claim(tagOf(old), at(HOUR + MINUTE));
    expect(
      claimed.kind === 'claimed' && [claimed.work.covered.map((r) => r.id), claimed.work.revoke],
    ).toEqual([[old.id], []]);
    expect(fresh.state).toBe('active');
  });

  it('refuses a new grant of the same access while its revoke is in flight', async () => {
    const g = await create(grant());
    await claim(tagOf(g), at(HOUR));
    expect(await store.create(grant({}, at(HOUR + 1)), at(HOUR + 1))).toEqual({
      kind: 'refused',
      reason: 'busy',
    });
    expect((await store.create(grant({}, at(HOUR + LEASE)), at(HOUR + LEASE))).kind).toBe('ok');
  });

  it('ends a grant early on Revoke now, so it is due at once and its scheduled end finds nothing', async () => {
    const g = await create(grant());
    const ended = await store.endNow(g.id, { by: 'U0ADMIN', why: 'revoke', now: at(MINUTE) });
    expect(ended).toMatchObject({
      kind: 'ok',
      record: {
        exp: T0.getTime() + MINUTE,
        early: { by: 'U0ADMIN', at: T0.getTime() + MINUTE, why: 'revoke' },
      },
    });
    expect(await store.due(at(MINUTE), 10)).toMatchObject({ tags: [tagOf(g)] });
    const t = token();
    await claim(tagOf(g), at(MINUTE), t);
    await store.finish(tagOf(g), t, { ...none, revoke: { ids: [g.id], outcome: 'revoked' } }, at(MINUTE));
    expect(await store.due(at(HOUR), 10)).toEqual({ tags: [], nextAtMs: undefined });
    expect(await claim(tagOf(g), at(HOUR))).toEqual({ kind: 'later', atMs: undefined });
    expect(await store.endNow(g.id, { by: 'U0ADMIN', why: 'revoke', now: at(HOUR) })).toMatchObject({
      kind: 'refused',
      reason: 'closed',
      record: { state: 'ended' },
    });
  });

  it('moves the expiry and the reminder on extend, and refuses to extend a grant that has run out', async () => {
    const g = await create(grant({ remindBeforeMs: 10 * MINUTE }));
    expect(g.remindAt).toBe(T0.getTime() + 50 * MINUTE);
    const t = token();
    const reminded = await claim(tagOf(g), at(50 * MINUTE), t);
    expect(reminded.kind === 'claimed' && reminded.work.remind.map((r) => r.id)).toEqual([g.id]);
    await store.finish(
      tagOf(g),
      t,
      { reminded: { [g.id]: T0.getTime() + 50 * MINUTE }, covered: [] },
      at(50 * MINUTE),
    );
    expect(await store.due(at(51 * MINUTE), 10)).toEqual({ tags: [], nextAtMs: T0.getTime() + HOUR });
    const extended = await store.extend(g.id, {
      expiresAtMs: T0.getTime() + 3 * HOUR,
      remindAtMs: T0.getTime() + 3 * HOUR - 10 * MINUTE,
      now: at(55 * MINUTE),
    });
    expect(extended).toMatchObject({ kind: 'ok', record: { exp: T0.getTime() + 3 * HOUR, extensions: 1 } });
    expect(extended.kind === 'ok' && extended.record.remindedFor).toBeUndefined();
    expect(await store.due(at(HOUR), 10)).toEqual({
      tags: [],
      nextAtMs: T0.getTime() + 3 * HOUR - 10 * MINUTE,
    });
    const again = await claim(tagOf(g), at(3 * HOUR - 10 * MINUTE));
    expect(again.kind === 'claimed' && again.work.remind.map((r) => r.id)).toEqual([g.id]);
    const late = await create(grant({ target: { kind: 'group', key: 'oncall' } }));
    expect(
      await store.extend(late.id, { expiresAtMs: 1, remindAtMs: undefined, now: at(HOUR) }),
    ).toMatchObject({
      kind: 'refused',
      reason: 'closed',
    });
  });

  it("lists one user's live grants, or everyone's, soonest expiry first", async () => {
    const bob = { id: 'VXNlcjpib2I', label: 'bob@example.com' };
    const a = await create(grant({ durationMs: 3 * HOUR }));
    const b = await create(grant({ target: { kind: 'group', key: 'oncall' }, durationMs: HOUR }));
    const c = await create(grant({ user: bob, durationMs: 2 * HOUR }));
    expect((await store.live({ limit: 10 })).map((r) => r.id)).toEqual([b.id, c.id, a.id]);
    expect((await store.live({ userId: bob.id, limit: 10 })).map((r) => r.id)).toEqual([c.id]);
    expect((await store.live({ userId: a.user.id, limit: 1 })).map((r) => r.id)).toEqual([b.id]);
  });
});
