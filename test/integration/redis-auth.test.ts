/**
 * REDIS_PASSWORD, REDIS_USERNAME and REDIS_SENTINEL_PASSWORD reach real password-protected servers: one Redis
 * (REDIS_URL without credentials in it), Redis Sentinel and a 3-master Redis Cluster. The Sentinel and Cluster parts
 * need redis-cli, like the other Sentinel and Cluster tests.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRedisOutbox } from '../../src/audit/redis-outbox.js';
import { loadConfig } from '../../src/config/env.js';
import { connectRedisTarget, type RedisClient, waitUntilReady } from '../../src/redis/client.js';
import { auditEvent } from '../support/audit.js';
import { makeAdminKey, minimalEnv } from '../support/keys.js';
import { type PrivateRedis, startPrivateRedis, uniquePrefix } from '../support/redis.js';
import { hasRedisCli, type RedisClusterServer, startRedisCluster } from '../support/redis-cluster.js';
import { type RedisSentinelServer, startRedisSentinel } from '../support/redis-sentinel.js';

const PASSWORD = 'correct-horse-battery-staple';
const key = makeAdminKey();
const clients: RedisClient[] = [];

/** The client main.ts would open for these variables. */
const clientFor = (env: Record<string, string>): RedisClient => {
  const client = connectRedisTarget(loadConfig(minimalEnv(key, env)).redis.target);
  if (!client) throw new Error('no Redis target');
  clients.push(client);
  return client;
};

/** Appends one event to the outbox on `redis` and reads it back. */
const roundTrip = async (redis: RedisClient): Promise<number> => {
  const outbox = createRedisOutbox({ redis, prefix: uniquePrefix() });
  await outbox.append(auditEvent(1));
  return (await outbox.peek(10)).length;
};

afterAll(() => {
  for (const c of clients) c.disconnect();
});

describe('one Redis with requirepass (REDIS_URL + REDIS_PASSWORD)', () => {
  let server: PrivateRedis;
  beforeAll(async () => {
    server = await startPrivateRedis({ password: PASSWORD });
  });
  afterAll(async () => server.stop());

  it('connects with REDIS_PASSWORD and runs the outbox there', async () => {
    const redis = clientFor({ REDIS_URL: server.url, REDIS_PASSWORD: PASSWORD });
    await waitUntilReady(redis, 5000);
    expect(await roundTrip(redis)).toBe(1);
  });

  it('is refused without it (NOAUTH), so a missing password shows as a failure, not as silence', async () => {
    const redis = clientFor({ REDIS_URL: server.url });
    await expect(
      new Promise((resolve, reject) => {
        redis.once('ready', () => resolve('ready'));
        redis.once('error', reject);
      }),
    ).rejects.toThrow(/NOAUTH|Authentication required/i);
  });

  it('logs in as the ACL user named by REDIS_USERNAME', async () => {
    const admin = clientFor({ REDIS_URL: server.url, REDIS_PASSWORD: PASSWORD });
    await waitUntilReady(admin, 5000);
    await admin.call('ACL', 'SETUSER', 'slackbot', 'on', '>bot-secret', '~*', '&*', '+@all');
    const redis = clientFor({
      REDIS_URL: server.url,
      REDIS_USERNAME: 'slackbot',
      REDIS_PASSWORD: 'bot-secret',
    });
    await waitUntilReady(redis, 5000);
    expect(await redis.call('ACL', 'WHOAMI')).toBe('slackbot');
  });
});

const cli = hasRedisCli();

describe.skipIf(!cli)(
  `Redis Sentinel with passwords${cli ? '' : ' (skipped: redis-cli not on PATH)'}`,
  () => {
    let sentinel: RedisSentinelServer;
    beforeAll(async () => {
      sentinel = await startRedisSentinel({ masterPassword: PASSWORD, sentinelPassword: 'sentinel-secret' });
    }, 30_000);
    afterAll(async () => sentinel?.stop());

    it('asks the sentinel with REDIS_SENTINEL_PASSWORD and the master with REDIS_PASSWORD', async () => {
      const redis = clientFor({
        REDIS_SENTINELS: `127.0.0.1:${sentinel.sentinelPort}`,
        REDIS_SENTINEL_NAME: sentinel.masterName,
        REDIS_SENTINEL_PASSWORD: 'sentinel-secret',
        REDIS_PASSWORD: PASSWORD,
      });
      await waitUntilReady(redis, 10_000);
      expect(await roundTrip(redis)).toBe(1);
    });
  },
);

describe.skipIf(!cli)(
  `Redis Cluster with requirepass${cli ? '' : ' (skipped: redis-cli not on PATH)'}`,
  () => {
    let cluster: RedisClusterServer;
    beforeAll(async () => {
      cluster = await startRedisCluster({ password: PASSWORD });
    }, 60_000);
    afterAll(async () => cluster?.stop());

    it('gives REDIS_PASSWORD to every node', async () => {
      const redis = clientFor({ REDIS_CLUSTER_NODES: cluster.nodesVariable, REDIS_PASSWORD: PASSWORD });
      await waitUntilReady(redis, 15_000);
      expect(await roundTrip(redis)).toBe(1);
    });
  },
);
