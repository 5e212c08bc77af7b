/**
 * The outbox-backed audit sink: `record` appends to the outbox and wakes one delivery loop, which posts the oldest
 * entries in batches (a burst coalesces into few messages), paces posts per channel, waits out Slack's 429
 * Retry-After, retries other failures with capped backoff, and acks entries only after Slack accepted the post. A
 * crash between post and ack re-posts that batch on restart (at-least-once); nothing is dropped.
 *
 * With a delivery lock (the Redis outbox carries one), only the replica holding it delivers; the others keep
 * appending and check the lock when idle, taking over once the holder releases it (stop) or it expires (crash).
 *
 * `accept` (before a mutation) appends or throws `audit.unavailable`, so nothing changes unaudited. `record` never
 * throws: an event the outbox cannot take now waits in a bounded in-memory buffer (retry-buffer.ts) and is appended
 * once the outbox answers again; `flush` empties that buffer first, and `stop` logs in full whatever is left in it.
 */
import { webApi } from '@slack/bolt';
import { auditEventsThatFit, auditMessage, MAX_AUDIT_EVENTS_PER_MESSAGE } from '../blocks/audit.js';
import { AppError } from '../errors.js';
import { createWaiters } from '../lifecycle/waiters.js';
import { type AppLogger, errorFields } from '../logger.js';
import { channelProblem } from '../slack/errors.js';
import type { AuditEvent, AuditSink } from './event.js';
import { createLockKeeper, type Lock } from './lock.js';
import type { AuditOutbox, OutboxEntry } from './outbox.js';
import { createRepeatFilter } from './repeats.js';
import { createRetryBuffer } from './retry-buffer.js';
import { classifyPostFailure, realSleep } from './slack-failure.js';

export interface OutboxAuditSinkOptions {
  readonly outbox: AuditOutbox;
  /** Best built with `createAuditWebClient` so 429s and retries are handled here, not inside the client. */
  readonly client: webApi.WebClient;
  readonly channel: string;
  readonly logger: AppLogger;
  readonly now?: () => number;
  /** Used for pacing, Retry-After and backoff waits (tests inject a fake clock). */
  readonly sleep?: (ms: number) => Promise<void>;
  /** Events per message (default 10, at most MAX_AUDIT_EVENTS_PER_MESSAGE). */
  readonly batchSize?: number;
  /** Minimum gap between two posts to the channel (default 1000 ms: Slack's ~1 message/s/channel). */
  readonly minIntervalMs?: number;
  /** First retry delay after a failure, doubled each time up to `maxBackoffMs` (defaults 1000 / 60000 ms). */
  readonly initialBackoffMs?: number;
  readonly maxBackoffMs?: number;
  /** How often an idle loop looks at the outbox for entries left by a crash (default 5000 ms; real timer). */
  readonly idlePollMs?: number;
  /** Cross-replica delivery lock; default: the outbox's own `deliveryLock` (Redis), else none. */
  readonly lock?: Lock;
  /** How often a held lock is renewed in the background (default 5000 ms; keep it well under the lock TTL). */
  readonly lockRenewMs?: number;
  /** How many events may wait in memory while the outbox is unavailable (default 1000). */
  readonly bufferCapacity?: number;
}

export interface OutboxAuditSink extends AuditSink {
  /** Appends before a mutation, or throws AppError `audit.unavailable` (nothing is kept: the caller changes nothing). */
  accept(event: AuditEvent): Promise<void>;
  /** Starts the delivery loop (idempotent); entries already in the outbox are delivered first. */
  start(): void;
  /**
   * Stops the loop after the post in flight, without draining the outbox; events still waiting in memory (the outbox
   * never took them) are written to the log in full.
   */
  stop(): Promise<void>;
  /**
   * Moves events waiting in memory into the outbox, starts delivery if needed, and resolves true once the outbox is
   * empty, or false after `timeoutMs` (or once the memory buffer is empty when another replica holds the delivery
   * lock: that replica drains the outbox).
   */
  flush(timeoutMs?: number): Promise<boolean>;
  /** How many events wait in memory for the outbox. */
  buffered(): number;
}

/** Refused before a mutation: the audit trail cannot take its event now, so nothing was changed. */
export const auditUnavailable = (cause: unknown): AppError =>
  new AppError(
    'audit.unavailable',
    'The audit trail cannot be written right now, so nothing was changed. Please try again in a moment.',
    { cause },
  );

/** A WebClient for audit posts: rejects rate-limited calls (the sink waits) and never retries on its own. */
export const createAuditWebClient = (
  token: string,
  options: {
    slackApiUrl?: string | undefined;
    logger?: AppLogger | undefined;
    /** A `fetch` for the client (the app's metered one counts 429s and errors). */
    fetch?: webApi.FetchFunction | undefined;
  } = {},
): webApi.WebClient =>
  new webApi.WebClient(token, {
    rejectRateLimitedCalls: true,
    retryConfig: { retries: 0 },
    timeout: 10_000,
    ...(options.slackApiUrl ? { slackApiUrl: options.slackApiUrl } : {}),
    ...(options.logger ? { logger: options.logger } : {}),
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });

export const createOutboxAuditSink = (options: OutboxAuditSinkOptions): OutboxAuditSink => {
  const { outbox, client, channel, logger } = options;
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? realSleep;
  const batchSize = Math.max(1, Math.min(options.batchSize ?? 10, MAX_AUDIT_EVENTS_PER_MESSAGE));
  const minIntervalMs = options.minIntervalMs ?? 1000;
  const initialBackoffMs = options.initialBackoffMs ?? 1000;
  const maxBackoffMs = options.maxBackoffMs ?? 60_000;
  const idlePollMs = options.idlePollMs ?? 5000;
  const lock = options.lock ?? outbox.deliveryLock;
  const keeper = lock
    ? createLockKeeper(lock, {
        renewEveryMs: options.lockRenewMs ?? 5000,
        onError: (error) => logger.warn(errorFields(error), 'audit delivery lock unavailable'),
      })
    : undefined;

  const buffer = createRetryBuffer({
    append: (event) => outbox.append(event),
    logger,
    onAppended: () => wake(),
    ...(options.bufferCapacity !== undefined ? { capacity: options.bufferCapacity } : {}),
    ...(options.sleep ? { sleep: sleep } : {}),
  });

  let running = false;
  let loop: Promise<void> | undefined;
  let wakeUp: (() => void) | undefined;
  const idleWaiters = createWaiters();
  let lastPostAt = Number.NEGATIVE_INFINITY;

  let interrupt: (() => void) | undefined;
  /**
   * Injected sleep that `stop()` cuts short, so shutdown never waits out a long Retry-After or backoff; a pause asked
   * for after `stop()` (a 429 that came back once the stop had begun) does not wait at all.
   */
  const pause = (ms: number): Promise<void> =>
    running
      ? new Promise((resolve) => {
          interrupt = resolve;
          void sleep(ms).then(resolve);
        })
      : Promise.resolve();

  const wake = (): void => {
    const w = wakeUp;
    wakeUp = undefined;
    w?.();
  };

  /** Waits for `record`/`stop`/`flush`, or `idlePollMs` (a real timer, so an idle loop never spins). */
  const idle = (): Promise<void> =>
    new Promise((resolve) => {
      const timer = setTimeout(() => {
        wakeUp = undefined;
        resolve();
      }, idlePollMs);
      wakeUp = () => {
        clearTimeout(timer);
        resolve();
      };
    });

  const post = async (entries: readonly OutboxEntry[], textOnly: boolean): Promise<void> => {
    const message = auditMessage(entries.map((e) => e.event));
    await client.chat.postMessage({
      channel,
      text: message.text,
      ...(textOnly ? {} : { blocks: message.blocks }),
      unfurl_links: false,
      unfurl_media: false,
    });
  };

  const repeats = createRepeatFilter();

  const deliverOnce = async (state: { backoffMs: number; textOnly: boolean }): Promise<'empty' | 'more'> => {
    const peeked = await outbox.peek(batchSize);
    if (peeked.length === 0) return 'empty';
    const { fresh, repeats: again } = repeats.split(peeked);
    if (again.length > 0) await outbox.ack(again.map((e) => e.id));
    if (fresh.length === 0) return 'more';
    const entries = fresh.slice(0, auditEventsThatFit(fresh.map((e) => e.event)));
    const gap = lastPostAt + minIntervalMs - now();
    if (gap > 0) {
      await pause(gap);
      return 'more'; // peek again: more events may have arrived while pacing, so the batch grows
    }
    try {
      await post(entries, state.textOnly);
    } catch (error) {
      const failure = classifyPostFailure(error);
      if (failure.kind === 'ratelimited') {
        logger.warn({ retryAfterMs: failure.retryAfterMs }, 'audit post rate limited; waiting');
        await pause(failure.retryAfterMs);
        return 'more';
      }
      if (failure.kind === 'blocks' && !state.textOnly) {
        logger.error({ auditEvents: entries.map((e) => e.event.id) }, 'audit blocks rejected; posting text');
        state.textOnly = true;
        return 'more';
      }
      const code = failure.kind === 'other' ? failure.code : 'blocks';
      const problem = channelProblem(code, channel);
      logger.error(
        { auditEvents: entries.map((e) => e.event.id), slackError: code },
        problem
          ? `audit post refused: ${problem}. The events wait in the outbox and go out once it is fixed`
          : 'audit post failed; will retry',
      );
      await pause(state.backoffMs);
      state.backoffMs = Math.min(state.backoffMs * 2, maxBackoffMs);
      return 'more';
    }
    lastPostAt = now();
    state.backoffMs = initialBackoffMs;
    state.textOnly = false;
    repeats.posted(entries);
    await outbox.ack(entries.map((e) => e.id));
    return 'more';
  };

  const settleWaiters = (drained: boolean): void => idleWaiters.settle(drained);

  /** Waits for the lock's Redis connection (at start it is still connecting); `stop` cuts the wait short. */
  const untilConnected = async (): Promise<void> => {
    const connection = lock?.connection;
    if (!connection || connection.isReady()) return;
    const stopped = new AbortController();
    interrupt = () => stopped.abort();
    await connection.whenReady(stopped.signal);
  };

  const run = async (): Promise<void> => {
    const state = { backoffMs: initialBackoffMs, textOnly: false };
    while (running) {
      await untilConnected();
      if (!running) break;
      if (keeper && !(await keeper.hold())) {
        // Another replica delivers; look again when woken or after idlePollMs (its hold may expire).
        settleWaiters(false);
        if (running) await idle();
        continue;
      }
      let result: 'empty' | 'more';
      try {
        result = await deliverOnce(state);
      } catch (error) {
        // The outbox itself failed (Redis away): back off and try again.
        logger.error(errorFields(error), 'audit outbox unavailable; will retry');
        await pause(state.backoffMs);
        state.backoffMs = Math.min(state.backoffMs * 2, maxBackoffMs);
        continue;
      }
      if (result === 'empty') {
        settleWaiters(true);
        if (running) await idle();
      }
    }
  };

  const start = (): void => {
    if (running) return;
    running = true;
    const previous = loop ?? Promise.resolve();
    loop = previous.then(run).catch((error: unknown) => {
      logger.error(errorFields(error), 'audit delivery loop stopped unexpectedly');
      running = false;
    });
  };

  /** Waits until the outbox is empty (true) or `timeoutMs` passed (false); see `flush`. */
  const drained = (timeoutMs: number): Promise<boolean> => {
    start();
    const answer = idleWaiters.wait(timeoutMs, () => false);
    wake();
    return answer;
  };

  return {
    async record(event) {
      if (buffer.size() > 0) {
        buffer.push(event); // behind the events already waiting, so the outbox keeps their order
        return;
      }
      try {
        await outbox.append(event);
      } catch {
        buffer.push(event);
        return;
      }
      wake();
    },
    async accept(event) {
      try {
        await outbox.append(event);
      } catch (error) {
        logger.warn(
          { auditEvent: event.id, ...errorFields(error) },
          'audit outbox refused an event: action not run',
        );
        throw auditUnavailable(error);
      }
      wake();
    },
    start,
    async stop() {
      running = false;
      wake();
      interrupt?.();
      await loop;
      await buffer.close();
      await keeper?.release();
    },
    async flush(timeoutMs = 30_000) {
      const deadline = Date.now() + timeoutMs;
      const moved = await buffer.flush(timeoutMs);
      const delivered = await drained(Math.max(0, deadline - Date.now()));
      return moved && delivered;
    },
    buffered: () => buffer.size(),
  };
};
