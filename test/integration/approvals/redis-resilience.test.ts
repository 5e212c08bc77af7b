import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newApprovalId } from '../../../src/approvals/ids.js';
import { newApprovalRecord } from '../../../src/approvals/record.js';
import { connectRedis, createRedisApprovalStore } from '../../../src/approvals/redis-store.js';
import type { ApprovalStore } from '../../../src/approvals/store.js';
import type { AppError } from '../../../src/errors.js';
import { approvalRequest } from '../../support/approvals.js';
import { type PrivateRedis, startPrivateRedis, uniquePrefix } from '../../support/redis.js';
import { waitFor } from '../../support/wait.js';

const LEASE = 300_000;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const request = approvalRequest();

/** Real time here: these tests look at Redis TTLs, which follow the server's clock. */
const fresh = () => newApprovalRecord(request, { id: newApprovalId(), now: new Date(), ttlMs: HOUR });

describe('redis approval store when Redis restarts, goes away or holds bad data', () => {
  let server: PrivateRedis;
  let redis: Redis;
  let prefix: string;
  let store: ApprovalStore;

  beforeAll(async () => {
    server = await startPrivateRedis({ persistence: true });
    redis = connectRedis(server.url);
    prefix = uniquePrefix();
    store = createRedisApprovalStore({ redis, prefix, retentionMs: DAY });
  });
  afterAll(async () => {
    await store.close();
    await server.stop();
  });

  it('keeps a pending record across a Redis restart and approves it afterwards', async () => {
    const created = await store.create(fresh());
    await server.restart();
    await waitFor(() => redis.status === 'ready', { message: 'client reconnected' });
    expect(await store.get(created.id)).toEqual(created);
    const outcome = await store.approve(created.id, { userId: 'UA', now: new Date(), leaseMs: LEASE });
    expect(outcome.kind).toBe('execute');
  });

  it('fails fast with store.unavailable while Redis is down and works again when it is back', async () => {
    const created = await store.create(fresh());
    await server.kill();
    // It settles while Redis is still down: the command is refused, not queued until Redis comes back.
    const error = await store.approve(created.id, { userId: 'UA', now: new Date(), leaseMs: LEASE }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ code: 'store.unavailable' });
    await expect(store.get(created.id)).rejects.toMatchObject({ code: 'store.unavailable' });

    await server.restart();
    await waitFor(() => redis.status === 'ready', { timeoutMs: 10_000, message: 'client reconnected' });
    const outcome = await store.approve(created.id, { userId: 'UA', now: new Date(), leaseMs: LEASE });
    expect(outcome.kind).toBe('execute');
  });

  it('reports a record that does not parse as an internal error naming the approval', async () => {
    const created = await store.create(fresh());
    const key = `${prefix}approval:{${created.id}}`;
    await redis.hset(key, 'state', 'teleported');
    await expect(store.get(created.id)).rejects.toMatchObject({
      code: 'internal',
      details: { approvalId: created.id },
    });
    await redis.hset(key, 'state', 'pending', 'approvals', 'not json');
    await expect(
      store.approve(created.id, { userId: 'UA', now: new Date(), leaseMs: LEASE }),
    ).rejects.toMatchObject({ code: 'internal' });
    await redis.hset(key, 'approvals', '[]', 'body', JSON.stringify({ schemaVersion: 2 }));
    await expect(store.get(created.id)).rejects.toMatchObject({
      code: 'internal',
      details: { approvalId: created.id },
    });
  });

  it('expires records after their deadline plus retention, and keeps decided ones for the retention window', async () => {
    const now = new Date();
    const created = await store.create(fresh());
    const key = `${prefix}approval:{${created.id}}`;
    const expected = Date.parse(created.expiresAt) + DAY - now.getTime();
    expect(Math.abs((await redis.pttl(key)) - expected)).toBeLessThan(5000);
    for (const index of [`${prefix}approvals:open`, `${prefix}approvals:requester:UREQ`]) {
      expect(await redis.pttl(index)).toBeGreaterThan(DAY);
    }

    const decidedAt = new Date(Date.parse(created.expiresAt) - 1);
    await store.reject(created.id, { userId: 'UA', now: decidedAt });
    const afterDecision = Date.parse(created.expiresAt) + DAY - now.getTime();
    expect(Math.abs((await redis.pttl(key)) - afterDecision)).toBeLessThan(5000);
  });

  it('loads its scripts again after Redis forgets them', async () => {
    const created = await store.create(fresh());
    await redis.script('FLUSH');
    const outcome = await store.approve(created.id, { userId: 'UA', now: new Date(), leaseMs: LEASE });
    expect(outcome.kind).toBe('execute');
  });

  /** A store with its own prefix on the same connection, for tests that sweep or list everything. */
  const isolated = (onCorruptRecord?: (error: AppError) => void) => {
    const own = uniquePrefix();
    return {
      own,
      store: createRedisApprovalStore({ redis, prefix: own, retentionMs: DAY, onCorruptRecord }),
    };
  };

  it('sweeps past a corrupt record, reporting it, and still sweeps the others', async () => {
    const reported: AppError[] = [];
    const { own, store } = isolated((error) => reported.push(error));
    const bad = await store.create(fresh());
    const good = await store.create(fresh());
    await redis.hset(`${own}approval:{${bad.id}}`, 'body', '{"schemaVersion":1}');
    const swept = await store.sweep(new Date(Date.parse(good.expiresAt) + 1), 100);
    expect(swept.map((r) => r.id)).toEqual([good.id]);
    expect(reported.map((e) => [e.code, e.details.approvalId])).toEqual([['internal', bad.id]]);
    expect(await store.listByRequester('UREQ', 10)).toEqual([{ ...swept[0] }]);
    expect(reported).toHaveLength(2);
  });

  it('drops a dangling index entry when the record behind it is gone', async () => {
    const { own: prefix, store } = isolated();
    const created = await store.create(fresh());
    await redis.del(`${prefix}approval:{${created.id}}`);
    expect(await store.sweep(new Date(Date.parse(created.expiresAt) + 1), 100)).toEqual([]);
    expect(await redis.zscore(`${prefix}approvals:open`, created.id)).toBeNull();
    expect((await store.listByRequester('UREQ', 50)).map((r) => r.id)).not.toContain(created.id);
    expect(await redis.zscore(`${prefix}approvals:requester:UREQ`, created.id)).toBeNull();
  });
});
