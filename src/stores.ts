/**
 * Where the bot keeps what must outlive one request: approvals, confirmations, sealed secrets, the grant schedule
 * and the audit outbox, in Redis when
 * one is configured (shared by every replica) or in memory (one instance only). main.ts, the demo and the tests
 * build them here, so every one of them runs the app wired the same way.
 */
import type { AppDeps } from './app.js';
import { createMemoryApprovalStore } from './approvals/memory-store.js';
import { createRedisApprovalStore } from './approvals/redis-store.js';
import type { ApprovalStore } from './approvals/store.js';
import { createRedisOutbox } from './audit/redis-outbox.js';
import { createMemoryConfirmationStore } from './confirmations/memory-store.js';
import { createRedisConfirmationStore } from './confirmations/redis-store.js';
import { createRedisGrantStore } from './grants/redis-store.js';
import type { AppLogger } from './logger.js';
import type { RedisClient } from './redis/client.js';
import { createMemorySecretStore } from './secrets/memory-store.js';
import { createRedisSecretStore } from './secrets/redis-store.js';

export interface Stores {
  readonly kind: 'memory' | 'redis';
  /** What createApp takes from here. */
  readonly deps: Pick<
    AppDeps,
    'approvals' | 'confirmations' | 'secrets' | 'grants' | 'redis' | 'auditOutbox'
  >;
  readonly approvals: ApprovalStore;
  /** Closes the stores; a Redis connection given in stays the caller's. */
  close(): Promise<void>;
}

export interface StoreOptions {
  readonly redis?: RedisClient | undefined;
  /** Key prefix (REDIS_PREFIX). */
  readonly prefix: string;
  readonly logger: AppLogger;
}

export const createStores = ({ redis, prefix, logger }: StoreOptions): Stores => {
  if (redis === undefined) {
    const approvals = createMemoryApprovalStore({});
    const confirmations = createMemoryConfirmationStore();
    const secrets = createMemorySecretStore();
    return {
      kind: 'memory',
      deps: { approvals: { store: approvals }, confirmations, secrets },
      approvals,
      close: async () => {
        await approvals.close();
        await confirmations.close();
        await secrets.close();
      },
    };
  }
  const approvals = createRedisApprovalStore({
    redis,
    prefix,
    onCorruptRecord: (e) =>
      logger.error({ code: e.code, ...e.details }, 'an approval record could not be read'),
  });
  const auditOutbox = createRedisOutbox({
    redis,
    prefix,
    onCorruptEntry: (id) => logger.error({ id }, 'a stored record could not be read and was skipped'),
  });
  return {
    kind: 'redis',
    deps: {
      approvals: { store: approvals },
      confirmations: createRedisConfirmationStore({ redis, prefix }),
      secrets: createRedisSecretStore({ redis, prefix }),
      grants: {
        store: createRedisGrantStore({
          redis,
          prefix,
          onCorruptRecord: (e) =>
            logger.error({ code: e.code, ...e.details }, 'a grant record could not be read'),
        }),
      },
      redis,
      auditOutbox,
    },
    approvals,
    close: async () => undefined,
  };
};
