/**
 * Audit events the outbox could not take (Redis away) wait here, in memory and in order, and are appended again with
 * capped backoff until the outbox takes them. The buffer is bounded: once full, a further event is written to the
 * log in full instead (the last resort; events carry no secrets) rather than growing without limit. `flush` retries
 * at once and waits (shutdown); `close` stops retrying and logs in full whatever is still left.
 */
import { createWaiters } from '../lifecycle/waiters.js';
import { type AppLogger, errorFields } from '../logger.js';
import type { AuditEvent } from './event.js';

export interface RetryBufferOptions {
  /** Appends one event to the outbox; rejects when the outbox cannot take it now. */
  readonly append: (event: AuditEvent) => Promise<unknown>;
  readonly logger: AppLogger;
  /** Called each time an event reached the outbox (wakes the delivery loop). */
  readonly onAppended?: () => void;
  /** How many events may wait (default 1000). */
  readonly capacity?: number;
  /** First retry delay, doubled after each failure up to `maxBackoffMs` (defaults 250 / 30000 ms). */
  readonly initialBackoffMs?: number;
  readonly maxBackoffMs?: number;
  /** Waits between retries (tests inject a fake clock); default a real timer that `flush`/`close` cut short. */
  readonly sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
}

export interface RetryBuffer {
  /** Keeps an event for a later append and starts retrying. */
  push(event: AuditEvent): void;
  /** How many events wait. */
  size(): number;
  /** Retries at once; resolves true once every event reached the outbox, false after `timeoutMs`. */
  flush(timeoutMs: number): Promise<boolean>;
  /** Stops retrying and writes every event still waiting to the log, in full, at error level. */
  close(): Promise<void>;
}

const abortableSleep = (ms: number, signal: AbortSignal): Promise<void> =>
  new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done(): void {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });

export const createRetryBuffer = (options: RetryBufferOptions): RetryBuffer => {
  const { append, logger } = options;
  const capacity = options.capacity ?? 1000;
  const initialBackoffMs = options.initialBackoffMs ?? 250;
  const maxBackoffMs = options.maxBackoffMs ?? 30_000;
  const sleep = options.sleep ?? abortableSleep;
  const queue: AuditEvent[] = [];
  let loop: Promise<void> | undefined;
  let closed = false;
  let waitAbort: AbortController | undefined;
  const empty = createWaiters();
  let flushing = 0;

  const retryNow = (): void => waitAbort?.abort();

  const pause = async (ms: number): Promise<void> => {
    if (closed) return; // closing cut the wait short, or came before it: never wait out a backoff after close
    waitAbort = new AbortController();
    await sleep(ms, waitAbort.signal);
    waitAbort = undefined;
  };

  const drain = async (): Promise<void> => {
    let backoffMs = initialBackoffMs;
    let failures = 0;
    while (!closed) {
      const head = queue[0];
      if (head === undefined) break;
      try {
        await append(head);
      } catch (error) {
        if (failures === 0)
          logger.warn(
            { waiting: queue.length, ...errorFields(error) },
            'audit outbox unavailable: events wait in memory and are retried',
          );
        failures += 1;
        if (closed) break;
        // While someone waits in `flush` (shutdown), retry at the first step's pace rather than a long backoff.
        await pause(flushing > 0 ? initialBackoffMs : backoffMs);
        backoffMs = Math.min(backoffMs * 2, maxBackoffMs);
        continue;
      }
      queue.shift();
      backoffMs = initialBackoffMs;
      options.onAppended?.();
      if (failures > 0 && queue.length === 0)
        logger.info({ failures }, 'audit events waiting in memory reached the outbox');
    }
    loop = undefined;
    if (queue.length === 0) empty.settle(true);
  };

  const ensureLoop = (): void => {
    if (loop === undefined && !closed && queue.length > 0) loop = Promise.resolve().then(drain);
  };

  /** The last resort: the event goes to the log in full, so it is at least not lost from sight. */
  const logInFull = (event: AuditEvent, why: string): void => {
    logger.error({ auditEvent: event }, `audit event written to the log only: ${why}`);
  };

  return {
    push(event) {
      if (closed) {
        logInFull(event, 'recorded during shutdown with the outbox unavailable');
        return;
      }
      if (queue.length >= capacity) {
        logInFull(event, `the in-memory buffer is full (${capacity} events)`);
        return;
      }
      queue.push(event);
      ensureLoop();
    },
    size: () => queue.length,
    async flush(timeoutMs) {
      if (queue.length === 0) return true;
      ensureLoop();
      retryNow();
      flushing += 1;
      try {
        return await empty.wait(timeoutMs, () => queue.length === 0);
      } finally {
        flushing -= 1;
      }
    },
    async close() {
      closed = true;
      retryNow();
      await loop;
      const left = queue.splice(0);
      for (const event of left) logInFull(event, 'the outbox was unavailable until shutdown');
      empty.settle(true);
    },
  };
};
