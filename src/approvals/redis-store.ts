/**
 * Redis implementation of `ApprovalStore`. The record hash `${prefix}approval:{id}` decides correctness; every
 * transition is one Lua script on that one key (see redis-scripts.ts and lua/). Two index keys outside the hash tag are
 * hints only, updated by separate idempotent commands and re-checked by the scripts:
 *   `${prefix}approvals:open`             zset id → next deadline (expiry while pending, lease while executing)
 *   `${prefix}approvals:requester:<user>` zset id → createdAt
 */
import { ReplyError } from 'ioredis';
import { AppError } from '../errors.js';
import { type RedisClient, waitUntilReady } from '../redis/client.js';
import { newClaimToken } from './ids.js';
import { type ApprovalRecord, approvalIdSchema, parseApprovalRecord } from './record.js';
import {
  decodeRecordHash,
  encodeRecordHash,
  runScript,
  type ScriptName,
  type ScriptReply,
} from './redis-scripts.js';
import { type ApprovalStore, DEFAULT_RETENTION_MS, type Refused, refusalReasons } from './store.js';

export { connectRedis, type RedisConnectOptions } from '../redis/client.js';

export interface RedisApprovalStoreOptions {
  redis: RedisClient;
  /** Key prefix, e.g. `authgear-slack:` (REDIS_PREFIX). */
  prefix: string;
  /** How long records are kept after their last deadline (default 7 days). */
  retentionMs?: number;
  /** How long a call waits for a (re)connecting client before giving up (default 750 ms). */
  readyWaitMs?: number;
  /**
   * Receives records that fail to parse while sweeping or listing (code 'internal', `details.approvalId`); they
   * are skipped there so one bad record cannot block the others. Wire it to the logger. Direct reads still throw.
   */
  onCorruptRecord?: (error: AppError) => void;
}

const TRANSIENT_REPLY = /^(LOADING|BUSY|MASTERDOWN|READONLY|CLUSTERDOWN|TRYAGAIN|TIMEOUT)\b/;

const unavailable = (cause: unknown): AppError =>
  new AppError('store.unavailable', 'Approvals are unavailable for a moment. Please try again shortly.', {
    cause,
  });

/** Maps a Redis failure: a script or data error is ours ('internal'); anything about reaching Redis is not. */
const storeError = (error: unknown): AppError => {
  if (error instanceof AppError) return error;
  if (error instanceof ReplyError && error instanceof Error && !TRANSIENT_REPLY.test(error.message)) {
    return new AppError('internal', 'The approvals store rejected a command.', { cause: error });
  }
  return unavailable(error);
};

/** Resolves once the client is ready, or rejects with store.unavailable after `waitMs`. */
const readyWithin = (redis: RedisClient, waitMs: number): Promise<void> => {
  if (redis.status === 'end') return Promise.reject(unavailable(new Error('Redis connection closed')));
  if (redis.status === 'wait') void redis.connect().catch(() => undefined);
  return waitUntilReady(redis, waitMs).catch((error: unknown) => {
    throw unavailable(error);
  });
};

export const createRedisApprovalStore = ({
  redis,
  prefix,
  retentionMs = DEFAULT_RETENTION_MS,
  readyWaitMs = 750,
  onCorruptRecord = () => undefined,
}: RedisApprovalStoreOptions): ApprovalStore => {
  const recordKey = (id: string): string => `${prefix}approval:{${id}}`;
  const openKey = `${prefix}approvals:open`;
  const requesterKey = (userId: string): string => `${prefix}approvals:requester:${userId}`;
  const retention = String(retentionMs);

  // Calls arriving while the client (re)connects share one wait.
  let pendingReady: Promise<void> | undefined;
  const ready = (): Promise<void> => {
    if (redis.status === 'ready') return Promise.resolve();
    pendingReady ??= readyWithin(redis, readyWaitMs).finally(() => {
      pendingReady = undefined;
    });
    return pendingReady;
  };

  const guarded = async <T>(work: () => Promise<T>): Promise<T> => {
    try {
      await ready();
      return await work();
    } catch (error) {
      throw storeError(error);
    }
  };

  const script = (name: ScriptName, id: string, args: string[]): Promise<ScriptReply> =>
    guarded(() => runScript(redis, name, recordKey(id), id, args));

  const refused = (reply: ScriptReply): Refused => {
    const reason = refusalReasons.find((known) => known === reply.reason);
    if (!reason) throw new AppError('internal', 'Unexpected reply from the approvals store.');
    return {
      kind: 'refused',
      reason,
      ...(reply.record ? { record: reply.record } : {}),
      ...(reply.flag === 'transitioned' ? { transitioned: true } : {}),
    };
  };
  const notFound: Refused = { kind: 'refused', reason: 'not_found' };
  const validId = (id: string): boolean => approvalIdSchema.safeParse(id).success;

  const get = async (id: string): Promise<ApprovalRecord | undefined> => {
    if (!validId(id)) return undefined;
    const fields = await guarded(() => redis.hgetall(recordKey(id)));
    return Object.keys(fields).length === 0 ? undefined : decodeRecordHash(id, fields);
  };

  /** Runs `work`; a corrupt record is reported and yields `undefined`, any other failure is thrown. */
  const skipCorrupt = async <T>(work: () => Promise<T>): Promise<T | undefined> => {
    try {
      return await work();
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== 'internal' || !error.details.approvalId) throw error;
      onCorruptRecord(error);
      return undefined;
    }
  };

  /** Records for the given IDs, in order; IDs whose record is gone are dropped from `indexKey` (`dropped`). */
  const fetchLive = async (ids: string[], indexKey: string) => {
    // null: no such record (drop from the index); undefined: corrupt (reported, left in place).
    const found = await Promise.all(ids.map((id) => skipCorrupt(async () => (await get(id)) ?? null)));
    const gone = ids.filter((_, i) => found[i] === null);
    if (gone.length > 0) await guarded(() => redis.zrem(indexKey, ...gone));
    const records = found.filter((record): record is ApprovalRecord => Boolean(record));
    return { records, dropped: gone.length };
  };

  return {
    async create(record) {
      const fields = encodeRecordHash(parseApprovalRecord(record, record.id));
      const expiresAtMs = Date.parse(record.expiresAt);
      const keepUntil = String(expiresAtMs + retentionMs);
      const byRequester = requesterKey(record.requester.userId);
      // Index first (one pipelined burst): if we crash before the record exists, the sweeper drops the ID.
      // Index TTLs only grow: NX gives a new zset one, GT extends an existing one.
      await guarded(() =>
        Promise.all([
          redis.zadd(openKey, 'NX', expiresAtMs, record.id),
          redis.zadd(byRequester, 'NX', Date.parse(record.createdAt), record.id),
          ...[openKey, byRequester].flatMap((key) => [
            redis.pexpireat(key, keepUntil, 'NX'),
            redis.pexpireat(key, keepUntil, 'GT'),
          ]),
        ]),
      );
      const reply = await script('create', record.id, [keepUntil, ...fields]);
      if (reply.outcome === 'exists' || !reply.record) {
        throw new AppError('state.conflict', 'An approval with this ID already exists.', {
          details: { approvalId: record.id },
        });
      }
      return reply.record;
    },

    get,

    async approve(id, { userId, comment, now, leaseMs }) {
      if (!validId(id)) return notFound;
      const entry = JSON.stringify(
        comment === undefined
          ? { userId, at: now.toISOString() }
          : { userId, at: now.toISOString(), comment },
      );
      const leaseUntilMs = now.getTime() + leaseMs;
      const claim = newClaimToken();
      const args = [String(now.getTime()), retention, userId, entry, String(leaseUntilMs)];
      const reply = await script('approve', id, [...args, new Date(leaseUntilMs).toISOString(), claim]);
      if (reply.outcome === 'recorded' && reply.record) return { kind: 'recorded', record: reply.record };
      if (reply.outcome === 'execute' && reply.record) {
        // Re-score the open index to the lease so a crashed executor is swept to `unknown` on time. The claim is
        // already ours, so a failure here must not hide it: the sweeper re-scores the entry at expiry anyway.
        await redis.zadd(openKey, leaseUntilMs, id).catch(() => undefined);
        return { kind: 'execute', record: reply.record, claim };
      }
      return refused(reply);
    },

    async reject(id, { userId, reason, now }) {
      if (!validId(id)) return notFound;
      const rejection = JSON.stringify({
        userId,
        at: now.toISOString(),
        ...(reason === undefined ? {} : { reason }),
      });
      const reply = await script('reject', id, [String(now.getTime()), retention, userId, rejection]);
      return reply.outcome === 'rejected' && reply.record
        ? { kind: 'rejected', record: reply.record }
        : refused(reply);
    },

    async cancel(id, { userId, now }) {
      if (!validId(id)) return notFound;
      const reply = await script('cancel', id, [String(now.getTime()), retention, userId, now.toISOString()]);
      return reply.outcome === 'cancelled' && reply.record
        ? { kind: 'cancelled', record: reply.record }
        : refused(reply);
    },

    async complete(id, { claim, result, now }) {
      if (!validId(id)) return notFound;
      const finalState = result.ok ? 'executed' : 'failed';
      const args = [String(now.getTime()), retention, claim, JSON.stringify(result), finalState];
      const reply = await script('complete', id, args);
      return reply.outcome === 'completed' && reply.record
        ? { kind: 'completed', record: reply.record }
        : refused(reply);
    },

    async sweep(now, limit) {
      const nowMs = now.getTime();
      const ids = await guarded(() => redis.zrangebyscore(openKey, '-inf', nowMs, 'LIMIT', 0, limit));
      const swept: ApprovalRecord[] = [];
      await Promise.all(
        ids.map(async (id) => {
          const run = () => script('sweep', id, [String(nowMs), retention]);
          const reply = validId(id) ? await skipCorrupt(run) : undefined;
          if (reply?.outcome === 'later') {
            await guarded(() => redis.zadd(openKey, reply.reason, id));
            return;
          }
          if (reply?.outcome === 'swept' && reply.record) swept.push(reply.record);
          await guarded(() => redis.zrem(openKey, id));
        }),
      );
      return swept.sort((a, b) => a.expiresAt.localeCompare(b.expiresAt));
    },

    async listPending({ limit, now }) {
      // Pending approvals are few at any time; read the open index (bounded) and order by creation.
      const ids = await guarded(() =>
        redis.zrangebyscore(openKey, now ? now.getTime() : '-inf', '+inf', 'LIMIT', 0, 1000),
      );
      const { records } = await fetchLive(ids, openKey);
      return records
        .filter((r) => r.state === 'pending' && (!now || Date.parse(r.expiresAt) > now.getTime()))
        .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
        .slice(0, limit);
    },

    async listByRequester(userId, limit) {
      const key = requesterKey(userId);
      const found: ApprovalRecord[] = [];
      let start = 0;
      while (found.length < limit) {
        const ids = await guarded(() => redis.zrevrange(key, start, start + limit - 1));
        if (ids.length === 0) break;
        const { records, dropped } = await fetchLive(ids, key);
        found.push(...records);
        start += ids.length - dropped; // dropped IDs left the index, so the next page starts earlier
      }
      return found.slice(0, limit);
    },

    async close() {
      await redis.quit().catch(() => redis.disconnect());
    },
  };
};
