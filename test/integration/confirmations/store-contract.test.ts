/** One contract, two stores: memory (no Redis) and Redis. A confirmation is claimed exactly once. */
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { newConfirmationId } from '../../../src/confirmations/ids.js';
import { createMemoryConfirmationStore } from '../../../src/confirmations/memory-store.js';
import { type ConfirmationRecord, newConfirmation } from '../../../src/confirmations/record.js';
import { createRedisConfirmationStore } from '../../../src/confirmations/redis-store.js';
import { type ConfirmationStore, claimRefusal } from '../../../src/confirmations/store.js';
import { type RedisWithClient, startRedisWithClient, uniquePrefix } from '../../support/redis.js';
import { countCommands } from '../../support/redis-monitor.js';

const T0 = new Date('2030-01-01T00:00:00.000Z');
const at = (ms: number): Date => new Date(T0.getTime() + ms);
const MINUTE = 60_000;
const TTL = 15 * MINUTE;
const LEASE = 2 * MINUTE;
const KEEP = 60 * MINUTE;

let r: RedisWithClient;
let redis: Redis;
beforeAll(async () => {
  r = await startRedisWithClient();
  redis = r.redis;
});
afterAll(async () => r.stop());
const confirmation = (overrides: Partial<ConfirmationRecord> = {}): ConfirmationRecord => ({
  ...newConfirmation(
    {
      actionKey: 'reset-password',
      input: { userId: 'VXNlcjox', mode: 'generate', expire: false },
      targetUserId: 'VXNlcjox',
      typed: 'alice@example.com',
      actor: { userId: 'U0SUPPORT', teamId: 'T1', name: 'sam' },
      channelId: 'C0OPS',
    },
    { id: newConfirmationId(), now: T0, ttlMs: TTL },
  ),
  ...overrides,
});

describe.each<[string, () => ConfirmationStore]>([
  ['memory', () => createMemoryConfirmationStore({ keepMs: KEEP })],
  ['redis', () => createRedisConfirmationStore({ redis, prefix: uniquePrefix(), keepMs: KEEP })],
])('%s confirmation store', (_name, makeStore) => {
  let store: ConfirmationStore;
  beforeEach(() => {
    store = makeStore();
  });

  it('hands the whole record to the one claim that wins, and tells the next click it is running', async () => {
    const record = confirmation();
    await store.create(record);
    const first = await store.claim(record.id, { userId: 'U0SUPPORT', now: at(1000), leaseMs: LEASE });
    expect(first).toEqual({ kind: 'claimed', record });
    expect(await store.claim(record.id, { userId: 'U0SUPPORT', now: at(2000), leaseMs: LEASE })).toEqual({
      kind: 'running',
      record,
      stalled: false,
    });
  });

  it('lets exactly one of 50 concurrent claims win', async () => {
    const record = confirmation();
    await store.create(record);
    const outcomes = await Promise.all(
      Array.from({ length: 50 }, () =>
        store.claim(record.id, { userId: 'U0SUPPORT', now: at(1), leaseMs: LEASE }),
      ),
    );
    expect(outcomes.filter((o) => o.kind === 'claimed')).toHaveLength(1);
    expect(outcomes.filter((o) => o.kind === 'running')).toHaveLength(49);
  });

  it('records the outcome, then tells later clicks it is done and what happened', async () => {
    const record = confirmation();
    await store.create(record);
    await store.claim(record.id, { userId: 'U0SUPPORT', now: at(1), leaseMs: LEASE });
    const outcome = { result: 'executed' as const, at: at(500).toISOString() };
    expect(await store.finish(record.id, { outcome, now: at(500) })).toBe(true);
    expect(await store.finish(record.id, { outcome, now: at(600) })).toBe(false);
    const later = await store.claim(record.id, { userId: 'U0SUPPORT', now: at(KEEP - 1000), leaseMs: LEASE });
    expect(later).toEqual({ kind: 'done', record, outcome });
    if (later.kind !== 'done') throw new Error('expected done');
    expect(claimRefusal(later, record.id).code).toBe('confirmation.done');
  });

  it('refuses someone else without claiming, so the person it was shown to can still confirm', async () => {
    const record = confirmation();
    await store.create(record);
    expect(await store.claim(record.id, { userId: 'U0VIEWER', now: at(1), leaseMs: LEASE })).toEqual({
      kind: 'not_yours',
      record,
    });
    expect((await store.claim(record.id, { userId: 'U0SUPPORT', now: at(2), leaseMs: LEASE })).kind).toBe(
      'claimed',
    );
  });

  it('expires a confirmation nobody claimed in time, and knows nothing of unknown or malformed IDs', async () => {
    const record = confirmation();
    await store.create(record);
    expect(await store.claim(record.id, { userId: 'U0SUPPORT', now: at(TTL), leaseMs: LEASE })).toEqual({
      kind: 'expired',
    });
    expect(
      await store.claim('cf_AAAAAAAAAAAAAAAAAAAAAA', { userId: 'U0SUPPORT', now: at(1), leaseMs: LEASE }),
    ).toEqual({ kind: 'expired' });
    expect(await store.claim('not an id {x}', { userId: 'U0SUPPORT', now: at(1), leaseMs: LEASE })).toEqual({
      kind: 'expired',
    });
  });

  it('voids a pending confirmation on Cancel: a Confirm afterwards finds it cancelled and claims nothing', async () => {
    const record = confirmation();
    await store.create(record);
    expect(await store.cancel(record.id, { userId: 'U0SUPPORT', now: at(1000) })).toEqual({
      kind: 'cancelled',
      record,
    });
    const outcome = { result: 'cancelled' as const, at: at(1000).toISOString() };
    const late = await store.claim(record.id, { userId: 'U0SUPPORT', now: at(2000), leaseMs: LEASE });
    expect(late).toEqual({ kind: 'done', record, outcome });
    if (late.kind !== 'done') throw new Error('expected done');
    expect(claimRefusal(late, record.id).userMessage).toMatch(/cancelled/);
    expect(await store.cancel(record.id, { userId: 'U0SUPPORT', now: at(3000) })).toEqual({
      kind: 'done',
      record,
      outcome,
    });
    expect(
      await store.finish(record.id, { outcome: { ...outcome, result: 'executed' }, now: at(4000) }),
    ).toBe(false);
  });

  it("does not cancel what is running, someone else's, or expired", async () => {
    const running = confirmation();
    await store.create(running);
    await store.claim(running.id, { userId: 'U0SUPPORT', now: at(1), leaseMs: LEASE });
    expect(await store.cancel(running.id, { userId: 'U0SUPPORT', now: at(2) })).toEqual({
      kind: 'running',
      record: running,
      stalled: false,
    });
    const other = confirmation();
    await store.create(other);
    expect(await store.cancel(other.id, { userId: 'U0VIEWER', now: at(1) })).toEqual({
      kind: 'not_yours',
      record: other,
    });
    expect((await store.claim(other.id, { userId: 'U0SUPPORT', now: at(2), leaseMs: LEASE })).kind).toBe(
      'claimed',
    );
    const old = confirmation();
    await store.create(old);
    expect(await store.cancel(old.id, { userId: 'U0SUPPORT', now: at(TTL) })).toEqual({ kind: 'expired' });
    expect(await store.cancel('not an id {x}', { userId: 'U0SUPPORT', now: at(1) })).toEqual({
      kind: 'expired',
    });
  });

  it('lets exactly one of concurrent Cancel and Confirm clicks win', async () => {
    for (let round = 0; round < 10; round++) {
      const record = confirmation();
      await store.create(record);
      const outcomes = await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          i % 2 === 0
            ? store.cancel(record.id, { userId: 'U0SUPPORT', now: at(1) })
            : store.claim(record.id, { userId: 'U0SUPPORT', now: at(1), leaseMs: LEASE }),
        ),
      );
      const winners = outcomes.filter((o) => o.kind === 'claimed' || o.kind === 'cancelled');
      expect(winners).toHaveLength(1);
    }
  });

  it('says a claim stalled once its lease has passed without an outcome', async () => {
    const record = confirmation();
    await store.create(record);
    await store.claim(record.id, { userId: 'U0SUPPORT', now: at(1), leaseMs: LEASE });
    const late = await store.claim(record.id, { userId: 'U0SUPPORT', now: at(LEASE + 2), leaseMs: LEASE });
    expect(late).toEqual({ kind: 'running', record, stalled: true });
    if (late.kind !== 'running') throw new Error('expected running');
    expect(claimRefusal(late, record.id).userMessage).toMatch(/never reported back/);
  });
});

describe('redis confirmation store specifics', () => {
  it('keeps one hash per confirmation with a TTL, and claims in one round trip', async () => {
    const prefix = uniquePrefix();
    const store = createRedisConfirmationStore({ redis, prefix });
    const record = newConfirmation(
      { actionKey: 'otp', input: { userId: 'VXNlcjox' }, actor: { userId: 'U1' } },
      { id: newConfirmationId(), now: new Date(), ttlMs: TTL },
    );
    await store.create(record);
    const key = `${prefix}confirm:{${record.id}}`;
    expect(await redis.type(key)).toBe('hash');
    expect(await redis.pttl(key)).toBeGreaterThan(TTL - 5000);
    const monitor = await redis.monitor();
    const first = await countCommands(monitor, redis, async () => {
      expect((await store.claim(record.id, { userId: 'U1', now: new Date(), leaseMs: LEASE })).kind).toBe(
        'claimed',
      );
    });
    const second = await countCommands(monitor, redis, async () => {
      expect((await store.claim(record.id, { userId: 'U1', now: new Date(), leaseMs: LEASE })).kind).toBe(
        'running',
      );
    });
    monitor.disconnect();
    // The very first use of the script may need EVAL after NOSCRIPT; from then on, one EVALSHA per claim.
    expect(first).toBeLessThanOrEqual(2);
    expect(second).toBe(1);
  });

  it('treats a key of the wrong type as a corrupt record, not as Redis being down', async () => {
    const prefix = uniquePrefix();
    const store = createRedisConfirmationStore({ redis, prefix });
    const id = 'cf_BBBBBBBBBBBBBBBBBBBBBB';
    await redis.set(`${prefix}confirm:{${id}}`, 'not a hash');
    await expect(store.claim(id, { userId: 'U1', now: new Date(), leaseMs: LEASE })).rejects.toMatchObject({
      code: 'internal',
    });
  });
});
