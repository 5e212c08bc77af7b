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
  type AuditLogPage,
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

/** What a page of the log is asked with: the stream's position and filter (oldest first). */
export interface AuditPageQuery {
  readonly first: number;
  readonly after: string | null;
  readonly activityTypes: AuditLogActivityType[] | null;
  readonly rangeFrom: string;
}

/** What a delivery may use from the loop: its interruptible wait, whether it may still post, the clock. */
export interface DeliveryIo {
  readonly pause: (ms: number) => Promise<void>;
  readonly mayPost: () => boolean;
  readonly now: () => number;
}

/** Where a log stream reads from and what it does with new entries (the audit channel's batches, or alerts). */
export interface LogStreamSource<E extends AuditLogEntry> {
  /** Names its position and lock; each stream keeps its own (`audit-stream`, `audit-alerts`). */
  readonly name: string;
  readonly fetchPage: (query: AuditPageQuery) => Promise<AuditLogPage<E>>;
  /** Builds the delivery once. It answers true once a page's new entries were delivered (else they come again). */
  readonly makeDeliver: (io: DeliveryIo) => (entries: readonly E[]) => Promise<boolean>;
  /** How many of the new entries one delivery takes (default all of them); the rest come in the next step. */
  readonly fits?: (entries: readonly E[]) => number;
}

export type LogStreamOptions = Omit<AuditStreamOptions, 'client' | 'channel' | 'minIntervalMs'>;

/** The audit channel's stream: every entry of the configured types, batched into messages. */
export const createAuditStream = (options: AuditStreamOptions): AuditStream =>
  createLogStream(options, {
    name: 'audit-stream',
    async fetchPage(query) {
      const data = await options.api.run(listAuditLogs, { ...query, sortDirection: 'ASC' });
      return { edges: auditLogEdges(data), hasNextPage: data.auditLogs?.pageInfo.hasNextPage === true };
    },
    makeDeliver(io) {
      const poster = createStreamPoster({
        client: options.client,
        channel: options.channel,
        logger: options.logger,
        ...io,
        minIntervalMs: options.minIntervalMs ?? 1000,
      });
      return (entries) => poster.post(entries);
    },
    fits: auditLogEntriesThatFit,
  });

/** One poller across replicas over Authgear's audit log, delivering each new entry once in order (see the top). */
export const createLogStream = <E extends AuditLogEntry>(
  options: LogStreamOptions,
  source: LogStreamSource<E>,
): AuditStream => {
  const { redis, prefix, logger } = options;
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

  const lock = redis ? createStreamLock(redis, prefix, lockTtlMs, source.name) : heldLock();
  const store = redis
    ? createRedisStreamState(
        redis,
        prefix,
        () => logger.error('audit stream: stored position unreadable; starting from now'),
        source.name,
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
  /** A wait `stop()` cuts short; asked for once the stop has begun (a 429 that came back late), none at all. */
  const pause = (ms: number): Promise<void> =>
    stopped
      ? Promise.resolve()
      : new Promise((resolve) => {
          interrupt = resolve;
          void sleep(ms).then(resolve);
        });

  const deliver = source.makeDeliver({ pause, now, mayPost: () => !stopped && keeper.held() });

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
    source.fetchPage({
      first: batchSize,
      after: state.after,
      activityTypes: types.length > 0 ? types : null,
      rangeFrom: state.since,
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
      const page = await fetchPage(state);
      const { edges } = page;
      const last = edges.at(-1);
      if (!last) return { ...result, caughtUp: true };
      const skip = new Set(state.skip);
      const unseen = edges.filter((e) => !(skip.has(e.entry.id) && e.entry.createdAt === state?.since));
      // One delivery per step: a source may take only the start of a page (the audit channel: what fits in one
      // message), and the cursor moves exactly there (the next step reads on from it), so nothing is skipped or
      // repeated.
      const entries = unseen.map((e) => e.entry);
      const fits = unseen.length === 0 ? 0 : (source.fits?.(entries) ?? unseen.length);
      const upTo = fits < unseen.length ? (unseen[fits - 1] ?? last) : last;
      const fresh: E[] = entries.slice(0, fits);
      if (fresh.length > 0) {
        if (!(await deliver(fresh))) return result; // not delivered: the next poll tries again
        result.delivered += fresh.length;
        result.messages += 1;
      }
      const more = upTo !== last || page.hasNextPage;
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
