/**
 * REDIS_SENTINELS + REDIS_SENTINEL_NAME through ioredis's Sentinel support: the bot asks the sentinel for the
 * master and runs its approval scripts and outbox there. Needs redis-cli, like the cluster tests.
 */
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newApprovalId } from '../../src/approvals/ids.js';
import { newApprovalRecord } from '../../src/approvals/record.js';
import { createRedisApprovalStore } from '../../src/approvals/redis-store.js';
import { createRedisOutbox } from '../../src/audit/redis-outbox.js';
import { loadConfig } from '../../src/config/env.js';
import { connectRedisTarget, type RedisClient, waitUntilReady } from '../../src/redis/client.js';
import { approvalRequest } from '../support/approvals.js';
import { makeAdminKey, minimalEnv } from '../support/keys.js';
import { uniquePrefix } from '../support/redis.js';
import { hasRedisCli } from '../support/redis-cluster.js';
import { type RedisSentinelServer, startRedisSentinel } from '../support/redis-sentinel.js';

const available = hasRedisCli();

describe.skipIf(!available)(`Redis Sentinel${available ? '' : ' (skipped: redis-cli not on PATH)'}`, () => {
  let sentinel: RedisSentinelServer;
  let redis: RedisClient;

  beforeAll(async () => {
    sentinel = await startRedisSentinel();
    const config = loadConfig(
      minimalEnv(makeAdminKey(), {
        REDIS_SENTINELS: `127.0.0.1:${sentinel.sentinelPort}`,
        REDIS_SENTINEL_NAME: sentinel.masterName,
      }),
    );
    const client = connectRedisTarget(config.redis.target);
    if (!client) throw new Error('no client for the sentinel target');
    redis = client;
    await waitUntilReady(redis, 10_000);
  }, 30_000);
  afterAll(async () => {
    redis?.disconnect();
    await sentinel?.stop();
  });

  it('finds the master through the sentinel and runs an approval to its end there', async () => {
    const prefix = uniquePrefix();
    const store = createRedisApprovalStore({ redis, prefix });
    const now = new Date();
    const record = await store.create(
      newApprovalRecord(approvalRequest(), { id: newApprovalId(), now, ttlMs: 3_600_000 }),
    );
    const decided = await store.approve(record.id, { userId: 'UADMIN', now, leaseMs: 60_000 });
    expect(decided.kind).toBe('execute');
    if (decided.kind !== 'execute') return;
    const done = await store.complete(record.id, { claim: decided.claim, result: { ok: true }, now });
    expect(done).toMatchObject({ kind: 'completed', record: { state: 'executed' } });
    const direct = new Redis(sentinel.master.url);
    try {
      expect(await direct.hget(`${prefix}approval:{${record.id}}`, 'state')).toBe('executed');
    } finally {
      direct.disconnect();
    }
  });

  it('keeps the audit outbox on the master', async () => {
    const outbox = createRedisOutbox({ redis, prefix: uniquePrefix() });
    const id = await outbox.append({
      id: 'evt1',
      type: 'executed',
      at: new Date().toISOString(),
      actor: { userId: 'U0ALICE' },
      action: 'user.disable',
      actionKey: 'disable',
      summary: 'Disabled',
    });
    expect((await outbox.peek(10)).map((e) => e.id)).toEqual([id]);
    expect(await outbox.depth?.()).toBe(1);
  });
});
