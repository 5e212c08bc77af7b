/**
 * Streams Authgear's own audit log (the `auditLogs` query) into the audit channel. One poller across replicas (a
 * Redis lock renewed while held), a cursor in Redis written only after Slack accepted the message (a crash
 * re-delivers at most one batch and never skips one), activity-type filter, up to 50 entries per message, Slack's
 * pacing and 429 Retry-After honoured. Without Redis the cursor lives in memory and the lock is always held.
 */
import type { webApi } from '@slack/bolt';
import type { AdminApi } from '../authgear/client.js';
import {
  type AuditLogActivityType,
  type AuditLogEntry,
  auditLogEdges,
  isAuditLogActivityType,
  listAuditLogs,
} from '../authgear/operations/audit-logs.js';
import { auditLogEntriesThatFit, MAX_LOG_ENTRIES_PER_MESSAGE } from '../blocks/audit-log.js';
import { type AppLogger, errorFields } from '../logger.js';
import type { RedisClient } from '../redis/client.js';
import { createLockKeeper, heldLock } from './lock.js';
import { realSleep } from './slack-failure.js';
import { createStreamPoster } from './stream-post.js';
import {
  advance,
  anchorAt,
  createMemoryStreamState,
  createRedisStreamState,
  createStreamLock,
  reanchor,
  type StreamState,
} from './stream-state.js';

export interface AuditStreamOptions {
  readonly api: AdminApi;
  /** Shared state and lock; absent → memory (single instance). */
  readonly redis?: RedisClient | undefined;
  readonly prefix: string;
  /** Best built with `createAuditWebClient` (429s reach this loop instead of being retried inside). */
  readonly client: webApi.WebClient;
  readonly channel: string;
  /** Authgear activity types to stream; empty = all. Unknown names are ignored (and logged). */
  readonly activityTypes: readonly string[];
  /** Gap between polls (policy `audit_stream.interval`). */
  readonly intervalMs: number;
  readonly logger: AppLogger;
  readonly now?: () => number;
  readonly sleep?: (ms: number) => Promise<void>;
  /** Entries per message (default and maximum 50). */
  readonly batchSize?: number;
  /** Minimum gap between two posts (default 1000 ms). */
  readonly minIntervalMs?: number;
  /** Lock lifetime without renewal (default 15 s) and renewal period (default a third of it). */
  readonly lockTtlMs?: number;
  readonly lockRenewMs?: number;
}

export interface PollResult {
  /** False when another replica holds the stream lock (nothing was read). */
  readonly held: boolean;
  readonly delivered: number;
  readonly messages: number;
  /** True when the poll reached the end of the log. */
  readonly caughtUp: boolean;
}

export interface AuditStream {
  /** Starts polling every `intervalMs` (idempotent). */
  start(): void;
  /** Stops after the step in flight and releases the lock. */
  stop(): Promise<void>;
  /** One poll: takes/renews the lock, then delivers everything new, page by page. */
  pollOnce(): Promise<PollResult>;
}

const typesKey = (types: readonly string[]): string => [...types].sort().join(',');

export const createAuditStream = (options: AuditStreamOptions): AuditStream => {
  const { api, redis, prefix, logger } = options;
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? realSleep;
  const batchSize = Math.max(
    1,
    Math.min(options.batchSize ?? MAX_LOG_ENTRIES_PER_MESSAGE, MAX_LOG_ENTRIES_PER_MESSAGE),
  );
  const lockTtlMs = options.lockTtlMs ?? 15_000;
  const unknown = options.activityTypes.filter((t) => !isAuditLogActivityType(t));
  const types: AuditLogActivityType[] = options.activityTypes.filter(isAuditLogActivityType);
  if (unknown.length > 0) logger.warn({ unknown }, 'audit stream: ignoring unknown Authgear activity types');
  const filterKey = typesKey(types);
  const misconfigured = options.activityTypes.length > 0 && types.length === 0;

  const lock = redis ? createStreamLock(redis, prefix, lockTtlMs) : heldLock();
  const store = redis
    ? createRedisStreamState(redis, prefix, () =>
        logger.error('audit stream: stored position unreadable; starting from now'),
      )
    : createMemoryStreamState();
  const keeper = createLockKeeper(lock, {
    renewEveryMs: options.lockRenewMs ?? Math.floor(lockTtlMs / 3),
    onError: (error) => logger.warn(errorFields(error), 'audit stream lock unavailable'),
  });

  let running = false;
  let stopped = false;
  let loop: Promise<void> | undefined;
  let inFlight: Promise<PollResult> | undefined;
  let interrupt: (() => void) | undefined;
  const pause = (ms: number): Promise<void> =>
    new Promise((resolve) => {
      interrupt = resolve;
      void sleep(ms).then(resolve);
    });

  const poster = createStreamPoster({
    client: options.client,
    channel: options.channel,
    logger,
    now,
    pause,
    minIntervalMs: options.minIntervalMs ?? 1000,
    mayPost: () => !stopped && keeper.held(),
  });

  const loadState = async (): Promise<StreamState | undefined> => {
    const stored = await store.load();
    if (stored && stored.types === filterKey) return stored;
    // Authgear keeps `createdAt` in whole seconds: anchoring mid-second would put the rest of this second's
    // entries before the anchor, so the stream starts at the beginning of the current second.
    const start = new Date(Math.floor(now() / 1000) * 1000).toISOString();
    const next = stored ? reanchor(stored, filterKey) : anchorAt(start, filterKey);
    return (await store.save(next, lock)) ? next : undefined;
  };

  const fetchPage = (state: StreamState) =>
    api.run(listAuditLogs, {
      first: batchSize,
      after: state.after,
      activityTypes: types.length > 0 ? types : null,
      rangeFrom: state.since,
      sortDirection: 'ASC',
    });

  const poll = async (): Promise<PollResult> => {
    const result = { held: true, delivered: 0, messages: 0, caughtUp: false };
    if (misconfigured) {
      logger.error('audit stream: none of the configured activity types exists; streaming nothing');
      return result;
    }
    if (!(await keeper.hold())) return { ...result, held: false };
    let state = await loadState();
    while (state && !stopped) {
      const data = await fetchPage(state);
      const edges = auditLogEdges(data);
      const last = edges.at(-1);
      if (!last) return { ...result, caughtUp: true };
      const skip = new Set(state.skip);
      const unseen = edges.filter((e) => !(skip.has(e.entry.id) && e.entry.createdAt === state?.since));
      // One message per step: a page whose lines are too long for one is delivered up to what fits, and the
      // cursor moves exactly there (the next step reads on from it), so nothing is skipped or repeated.
      const fits = unseen.length === 0 ? 0 : auditLogEntriesThatFit(unseen.map((e) => e.entry));
      const upTo = fits < unseen.length ? (unseen[fits - 1] ?? last) : last;
      const fresh: AuditLogEntry[] = unseen.slice(0, fits).map((e) => e.entry);
      if (fresh.length > 0) {
        if (!(await poster.post(fresh))) return result; // not delivered: the next poll tries again
        result.delivered += fresh.length;
        result.messages += 1;
      }
      const more = upTo !== last || data.auditLogs?.pageInfo.hasNextPage === true;
      const advanced = advance(state, upTo.cursor, fresh);
      const next = more ? advanced : reanchor(advanced);
      if (!(await store.save(next, lock))) {
        logger.warn('audit stream: lock lost while delivering; another replica continues');
        return { ...result, held: false };
      }
      state = next;
      if (!more) return { ...result, caughtUp: true };
    }
    return result;
  };

  const pollOnce = (): Promise<PollResult> => {
    if (!inFlight) {
      inFlight = poll().finally(() => {
        inFlight = undefined;
      });
    }
    return inFlight;
  };

  const run = async (): Promise<void> => {
    while (running) {
      try {
        const r = await pollOnce();
        if (r.delivered > 0)
          logger.info({ delivered: r.delivered, messages: r.messages }, 'audit stream posted');
      } catch (error) {
        logger.error(errorFields(error), 'audit stream poll failed; will retry');
      }
      if (running) await pause(options.intervalMs);
    }
  };

  return {
    start() {
      if (running) return;
      running = true;
      stopped = false;
      loop = (loop ?? Promise.resolve()).then(run);
    },
    async stop() {
      running = false;
      stopped = true;
      interrupt?.();
      await loop;
      await inFlight?.catch(() => undefined);
      await keeper.release();
    },
    pollOnce,
  };
};
