import type { AuditEvent } from './event.js';
import type { Lock } from './lock.js';

/** One event waiting in the outbox; `id` is opaque and increases in append order. */
export interface OutboxEntry {
  readonly id: string;
  readonly event: AuditEvent;
}

/** A durable FIFO of audit events not yet posted. Entries leave only through `ack`. */
export interface AuditOutbox {
  /** Adds an event at the tail; returns its entry ID. */
  append(event: AuditEvent): Promise<string>;
  /** The oldest `limit` entries, oldest first, without removing them. */
  peek(limit: number): Promise<OutboxEntry[]>;
  /** How many entries wait (for the metrics); optional for outboxes that cannot count cheaply. */
  depth?(): Promise<number>;
  /** Removes delivered entries; unknown IDs are ignored. */
  ack(ids: readonly string[]): Promise<void>;
  /** Shared outboxes (Redis): only the replica holding this lock delivers. Absent in memory (one process). */
  readonly deliveryLock?: Lock;
}
