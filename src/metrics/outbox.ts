import type { AuditOutbox } from '../audit/outbox.js';
import type { Metrics } from './metrics.js';

/**
 * Reads the outbox's depth and its oldest event's age at each scrape, and how many events wait in memory because
 * the outbox refused them (`buffered`).
 */
export const watchOutbox = (
  metrics: Metrics,
  outbox: AuditOutbox,
  buffered: () => number,
  now: () => number = Date.now,
): void => {
  metrics.onCollect(async () => {
    metrics.auditBuffered.set(buffered());
    const [oldest] = await outbox.peek(1);
    const depth = outbox.depth ? await outbox.depth() : oldest ? 1 : 0;
    metrics.outboxDepth.set(depth);
    const at = oldest ? Date.parse(oldest.event.at) : Number.NaN;
    metrics.outboxOldestAge.set(Number.isNaN(at) ? 0 : Math.max(0, (now() - at) / 1000));
  });
};
