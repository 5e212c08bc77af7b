/**
 * Redis outbox: a stream `${prefix}audit:outbox` (XADD / XRANGE / XDEL). Stream IDs keep append order and the
 * stream survives a restart of the bot (and of Redis when it persists). It carries a delivery lock
 * (`${prefix}audit:outbox:lock`) so that, of several replicas sharing it, only one posts at a time.
 */

import type { RedisClient } from '../redis/client.js';
import { type AuditEvent, auditEventSchema } from './event.js';
import { createRedisLock, type Lock } from './lock.js';
import type { AuditOutbox, OutboxEntry } from './outbox.js';

export interface RedisOutboxOptions {
  readonly redis: RedisClient;
  /** Key prefix, e.g. `authgear-slack:` (REDIS_PREFIX). */
  readonly prefix: string;
  /** Called for an entry that cannot be parsed (it is acked so it cannot block the queue). */
  readonly onCorruptEntry?: (id: string, raw: string | undefined) => void;
  /** How long the delivery lock outlives a holder that stopped renewing it (default 15 s). */
  readonly lockTtlMs?: number;
}

/** An outbox shared by replicas: deliver only while holding `deliveryLock`. */
export interface RedisAuditOutbox extends AuditOutbox {
  readonly deliveryLock: Lock;
}

export const outboxKey = (prefix: string): string => `${prefix}audit:outbox`;
export const outboxLockKey = (prefix: string): string => `${prefix}audit:outbox:lock`;

const parse = (raw: string | undefined): AuditEvent | undefined => {
  if (raw === undefined) return undefined;
  try {
    const parsed = auditEventSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
};

export const createRedisOutbox = ({
  redis,
  prefix,
  onCorruptEntry,
  lockTtlMs,
}: RedisOutboxOptions): RedisAuditOutbox => {
  const key = outboxKey(prefix);
  return {
    deliveryLock: createRedisLock({
      redis,
      key: outboxLockKey(prefix),
      ...(lockTtlMs !== undefined ? { ttlMs: lockTtlMs } : {}),
    }),
    async append(event) {
      const id = await redis.xadd(key, '*', 'event', JSON.stringify(event));
      if (id === null) throw new Error('XADD returned no ID');
      return id;
    },
    async peek(limit) {
      if (limit <= 0) return [];
      const rows = await redis.xrange(key, '-', '+', 'COUNT', limit);
      const out: OutboxEntry[] = [];
      const corrupt: string[] = [];
      for (const [id, fields] of rows) {
        const at = fields.indexOf('event');
        const raw = at >= 0 ? fields[at + 1] : undefined;
        const event = parse(raw);
        if (event) out.push({ id, event });
        else {
          corrupt.push(id);
          onCorruptEntry?.(id, raw);
        }
      }
      if (corrupt.length > 0) await redis.xdel(key, ...corrupt);
      return out;
    },
    depth: () => redis.xlen(key),
    async ack(ids) {
      if (ids.length > 0) await redis.xdel(key, ...ids);
    },
  };
};
