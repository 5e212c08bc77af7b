/**
 * Where the demo's bot keeps approvals and its audit outbox: in memory, or in Redis when REDIS_URL is set, wired as
 * src/main.ts wires them (src/stores.ts). Each run uses its own key prefix and removes its keys when it stops.
 */
import { randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { ApprovalStore } from '../src/approvals/store.js';
import type { AppLogger } from '../src/logger.js';
import { connectRedis } from '../src/redis/client.js';
import { createStores, type Stores } from '../src/stores.js';

export interface DemoStores {
  readonly kind: 'memory' | 'redis';
  readonly deps: Stores['deps'];
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
    const stores = createStores({ prefix: basePrefix, logger });
    return { kind: 'memory', deps: stores.deps, store: stores.approvals, close: () => stores.close() };
  }
  const prefix = `${basePrefix}demo:${randomBytes(4).toString('hex')}:`;
  const redis = connectRedis(redisUrl, {
    onError: (e) => logger.warn({ err: e.name }, 'Redis connection problem'),
  });
  const stores = createStores({ redis, prefix, logger });
  return {
    kind: 'redis',
    deps: stores.deps,
    store: stores.approvals,
    close: async () => {
      await removeKeys(redis, prefix).catch(() => undefined);
      await stores.close();
      await redis.quit().catch(() => redis.disconnect());
    },
  };
};
