/**
 * Where the demo's bot keeps approvals and its audit outbox: in memory, or in Redis when REDIS_URL is set, wired as
 * src/main.ts wires them. Each run uses its own key prefix and removes its keys when it stops.
 */
import { randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { AppDeps } from '../src/app.js';
import { createMemoryApprovalStore } from '../src/approvals/memory-store.js';
import { connectRedis, createRedisApprovalStore } from '../src/approvals/redis-store.js';
import type { ApprovalStore } from '../src/approvals/store.js';
import { createRedisOutbox } from '../src/audit/redis-outbox.js';
import type { AppLogger } from '../src/logger.js';

export interface DemoStores {
  readonly kind: 'memory' | 'redis';
  readonly deps: Pick<AppDeps, 'approvals' | 'redis' | 'auditOutbox'>;
  readonly store: ApprovalStore;
  close(): Promise<void>;
}

const removeKeys = async (redis: Redis, prefix: string): Promise<void> => {
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 200);
    if (keys.length > 0) await redis.del(...keys);
    cursor = next;
  } while (cursor !== '0');
};

export const createDemoStores = (
  redisUrl: string | undefined,
  basePrefix: string,
  logger: AppLogger,
): DemoStores => {
  if (redisUrl === undefined) {
    const store = createMemoryApprovalStore({});
    return { kind: 'memory', deps: { approvals: { store } }, store, close: () => store.close() };
  }
  const prefix = `${basePrefix}demo:${randomBytes(4).toString('hex')}:`;
  const redis = connectRedis(redisUrl, {
    onError: (e) => logger.warn({ err: e.name }, 'Redis connection problem'),
  });
  const store = createRedisApprovalStore({ redis, prefix });
  const auditOutbox = createRedisOutbox({
    redis,
    prefix,
    onCorruptEntry: (id) => logger.error({ id }, 'a stored record could not be read and was skipped'),
  });
  return {
    kind: 'redis',
    deps: { approvals: { store }, redis, auditOutbox },
    store,
    close: async () => {
      await removeKeys(redis, prefix).catch(() => undefined);
      await store.close();
    },
  };
};
