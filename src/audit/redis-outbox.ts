/**
 * Redis outbox: a stream `${prefix}audit:outbox` (XADD / XRANGE / XDEL). Stream IDs keep append order and the
 * stream survives a restart of the bot (and of Redis when it persists).
 */
import type { Redis } from 'ioredis';
import type { AuditEvent } from './event.js';
import type { AuditOutbox, OutboxEntry } from './outbox.js';

export interface RedisOutboxOptions {
  readonly redis: Redis;
  /** Key prefix, e.g. `authgear-slack:` (REDIS_PREFIX). */
  readonly prefix: string;
  /** Called for an entry that cannot be parsed (it is acked so it cannot block the queue). */
  readonly onCorruptEntry?: (id: string, raw: string | undefined) => void;
}

export const outboxKey = (prefix: string): string => `${prefix}audit:outbox`;

const isAuditEvent = (value: unknown): value is AuditEvent => {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.id === 'string' && typeof v.type === 'string' && typeof v.summary === 'string';
};

const parse = (raw: string | undefined): AuditEvent | undefined => {
  if (raw === undefined) return undefined;
  try {
    const value: unknown = JSON.parse(raw);
    return isAuditEvent(value) ? value : undefined;
  } catch {
    return undefined;
  }
};

export const createRedisOutbox = ({ redis, prefix, onCorruptEntry }: RedisOutboxOptions): AuditOutbox => {
  const key = outboxKey(prefix);
  return {
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
    async ack(ids) {
      if (ids.length > 0) await redis.xdel(key, ...ids);
    },
  };
};
