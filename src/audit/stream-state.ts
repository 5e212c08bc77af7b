/**
 * Where the Authgear audit-log stream keeps its position. The query is anchored at `since` (rangeFrom) and paged
 * with Authgear's `after` cursor, which is relative to that anchor; once caught up the anchor moves to the last
 * delivered entry (`skip` lists the entries already delivered at exactly that time), so cursors stay short-lived.
 * In Redis the state is written only by the holder of the stream lock (one Lua script, fenced by its token); the
 * state and lock keys share a hash tag so the script is legal on Redis Cluster.
 */
import { z } from 'zod';
import type { RedisClient } from '../redis/client.js';
import { createRedisLock, type Lock } from './lock.js';

const stateSchema = z.object({
  v: z.literal(1),
  since: z.string(),
  after: z.string().nullable(),
  /** The activity-type filter the cursor belongs to (sorted, comma-joined); a change re-anchors. */
  types: z.string(),
  skip: z.array(z.string()),
  lastAt: z.string().optional(),
  lastIds: z.array(z.string()),
});
export type StreamState = z.output<typeof stateSchema>;

export interface StreamStateStore {
  /** The stored state; undefined when there is none (or it cannot be read: `onCorrupt` is told). */
  load(): Promise<StreamState | undefined>;
  /** Stores the state if `lock` is still held by this holder; false when it is not (nothing written). */
  save(state: StreamState, lock: Lock): Promise<boolean>;
}

/** A stream's keys share the hash tag `{<name>}` (default `audit-stream`), so its fenced write is one slot. */
export const streamStateKey = (prefix: string, name = 'audit-stream'): string => `${prefix}{${name}}:state`;
export const streamLockKey = (prefix: string, name = 'audit-stream'): string => `${prefix}{${name}}:lock`;

const FENCED_SET = `if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
redis.call('SET', KEYS[2], ARGV[2])
return 1`;

const parse = (raw: string | null): StreamState | 'corrupt' | undefined => {
  if (raw === null) return undefined;
  try {
    const parsed = stateSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : 'corrupt';
  } catch {
    return 'corrupt';
  }
};

export const createRedisStreamState = (
  redis: RedisClient,
  prefix: string,
  onCorrupt: () => void = () => undefined,
  name?: string,
): StreamStateStore => {
  const key = streamStateKey(prefix, name);
  return {
    async load() {
      const state = parse(await redis.get(key));
      if (state === 'corrupt') {
        onCorrupt();
        return undefined;
      }
      return state;
    },
    async save(state, lock) {
      if (lock.key === undefined) throw new Error('the Redis stream state needs a Redis lock');
      const done = await redis.eval(FENCED_SET, 2, lock.key, key, lock.token, JSON.stringify(state));
      return Number(done) === 1;
    },
  };
};

export const createStreamLock = (redis: RedisClient, prefix: string, ttlMs?: number, name?: string): Lock =>
  createRedisLock({ redis, key: streamLockKey(prefix, name), ...(ttlMs !== undefined ? { ttlMs } : {}) });

export const createMemoryStreamState = (): StreamStateStore => {
  let stored: StreamState | undefined;
  return {
    load: async () => stored,
    async save(state) {
      stored = state;
      return true;
    },
  };
};

/** A new anchor at `at` (ISO) for the filter `types`. */
export const anchorAt = (at: string, types: string): StreamState => ({
  v: 1,
  since: at,
  after: null,
  types,
  skip: [],
  lastIds: [],
});

/** After delivering `entries` (oldest first) from a page ending at `cursor`. */
export const advance = (
  state: StreamState,
  cursor: string,
  entries: readonly { id: string; createdAt: string }[],
): StreamState => {
  let { lastAt, lastIds } = state;
  for (const e of entries) {
    if (e.createdAt === lastAt) lastIds = [...lastIds, e.id];
    else {
      lastAt = e.createdAt;
      lastIds = [e.id];
    }
  }
  return { ...state, after: cursor, lastIds, ...(lastAt !== undefined ? { lastAt } : {}) };
};

/** Moves the anchor to the last delivered entry (no-op before the first delivery). */
export const reanchor = (state: StreamState, types: string = state.types): StreamState =>
  state.lastAt === undefined
    ? { ...state, after: null, types }
    : { ...state, since: state.lastAt, after: null, types, skip: state.lastIds };
