import type { AuditEvent } from './event.js';
import type { AuditOutbox, OutboxEntry } from './outbox.js';

/** In-process outbox for tests and Redis-less runs; lost on restart. */
export const createMemoryOutbox = (): AuditOutbox & { size(): number } => {
  let entries: OutboxEntry[] = [];
  let seq = 0;
  return {
    async append(event: AuditEvent) {
      seq += 1;
      const id = String(seq).padStart(12, '0');
      entries.push({ id, event });
      return id;
    },
    async peek(limit) {
      return entries.slice(0, Math.max(0, limit));
    },
    async ack(ids) {
      const gone = new Set(ids);
      entries = entries.filter((e) => !gone.has(e.id));
    },
    depth: async () => entries.length,
    size: () => entries.length,
  };
};
