import type { AdminApi } from '../authgear/client.js';
import { healthProbe } from '../authgear/operations/probe.js';
import { type RedisClient, waitUntilReady } from '../redis/client.js';
import type { DependencyCheck } from './readiness.js';

export interface DependencyDeps {
  /** Absent: approvals and the outbox live in memory, so there is no Redis to check. */
  readonly redis?: RedisClient | undefined;
  /** Slack's auth.test with the bot token (e.g. `() => app.client.auth.test()`). */
  readonly slackAuthTest: () => Promise<unknown>;
  readonly api: AdminApi;
  /** How long the Redis probe waits for a (re)connecting client (default 2000 ms, the readiness timeout). */
  readonly redisReadyWaitMs?: number;
}

/** Redis PING, Slack auth.test (until it succeeds once) and one cheap Admin API query. */
export const dependencyChecks = ({
  redis,
  slackAuthTest,
  api,
  redisReadyWaitMs = 2000,
}: DependencyDeps): DependencyCheck[] => [
  ...(redis
    ? [
        {
          name: 'redis' as const,
          probe: async () => {
            await waitUntilReady(redis, redisReadyWaitMs);
            const pong = await redis.ping();
            if (pong !== 'PONG') throw new Error(`PING answered ${pong}`);
          },
        },
      ]
    : []),
  {
    name: 'slack',
    once: true,
    probe: async () => {
      await slackAuthTest();
    },
  },
  {
    name: 'authgear',
    probe: async () => {
      await api.run(healthProbe, {});
    },
  },
];
