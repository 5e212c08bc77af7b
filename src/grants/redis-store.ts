/**
 * Redis implementation of `GrantStore`. Each shard's keys share the hash tag `{grants-<shard>}` (one Cluster slot):
 *   `${prefix}{grants-<s>}:due`        zset assignment tag → when it next needs a worker (ms)
 *   `${prefix}{grants-<s>}:a:<tag>`    hash: `g:<grant id>` → grant record (JSON); `claim`, `lease`, `revoke`
 *   `${prefix}{grants-<s>}:u:<user>`   zset of one user's assignment tags (for `grants <who>`)
 * Every change is one Lua script (lua/) over one assignment and its shard's two indexes, so the schedule and the
 * records can never disagree: a grant is scheduled in the same step that stores it.
 */
import { z } from 'zod';
import { AppError } from '../errors.js';
import type { RedisClient } from '../redis/client.js';
import { createRedisGuard } from '../redis/guard.js';
import { evalScript, loadLuaScripts } from '../redis/script.js';
import {
  assignmentTagSchema,
  GRANT_SHARDS,
  type GrantRecord,
  grantIdSchema,
  isLive,
  parseGrantRecord,
  shardOf,
  tagOfGrant,
  tagParts,
  userHashOf,
} from './record.js';
import {
  type ChangeOutcome,
  type ChangeRefusal,
  type ClaimOutcome,
  GRANT_RETENTION_MS,
  type GrantStore,
} from './store.js';

const SCRIPTS = loadLuaScripts(
  new URL('./lua/', import.meta.url),
  ['create', 'end-now', 'extend', 'claim', 'finish'],
  'prelude',
);
type ScriptName = keyof typeof SCRIPTS;

const replySchema = z.array(z.string()).min(3);

export interface RedisGrantStoreOptions {
  readonly redis: RedisClient;
  /** Key prefix, e.g. `authgear-slack:` (REDIS_PREFIX). */
  readonly prefix: string;
  readonly retentionMs?: number;
  /** Records that cannot be read while listing are skipped and reported here (wire it to the logger). */
  readonly onCorruptRecord?: (error: AppError) => void;
}

const decode = (json: string): GrantRecord => {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (cause) {
    throw new AppError('internal', 'A grant record could not be read.', { cause });
  }
  const id = typeof data === 'object' && data !== null && 'id' in data ? String(data.id) : 'unknown';
  return parseGrantRecord(data, id);
};

const refusals: readonly ChangeRefusal[] = ['not_found', 'closed', 'busy'];

export const createRedisGrantStore = ({
  redis,
  prefix,
  retentionMs = GRANT_RETENTION_MS,
  onCorruptRecord = () => undefined,
}: RedisGrantStoreOptions): GrantStore => {
  const slot = (shard: number): string => `${prefix}{grants-${shard}}`;
  const dueKey = (shard: number): string => `${slot(shard)}:due`;
  const userKey = (shard: number, userHash: string): string => `${slot(shard)}:u:${userHash}`;
  const assignmentKey = (tag: string): string => `${slot(tagParts(tag).shard)}:a:${tag}`;
  const keysOf = (tag: string): string[] => {
    const { shard, userHash } = tagParts(tag);
    return [dueKey(shard), assignmentKey(tag), userKey(shard, userHash)];
  };
  const guarded = createRedisGuard(redis, {
    unavailableMessage: 'Time-boxed grants are unavailable for a moment. Please try again shortly.',
    rejectedMessage: 'The grant store rejected a command.',
  });

  const run = async (name: ScriptName, tag: string, now: Date, args: readonly string[]) => {
    const raw = await guarded(() =>
      evalScript(redis, SCRIPTS[name], keysOf(tag), [
        tag,
        String(now.getTime()),
        String(retentionMs),
        ...args,
      ]),
    );
    const parsed = replySchema.safeParse(raw);
    if (!parsed.success) throw new AppError('internal', 'Unexpected reply from the grant store.');
    const [outcome = '', a = '', b = '', ...records] = parsed.data;
    return { outcome, a, b, records: records.map(decode) };
  };

  const change = async (
    name: ScriptName,
    id: string,
    now: Date,
    args: readonly string[],
  ): Promise<ChangeOutcome> => {
    if (!grantIdSchema.safeParse(id).success) return { kind: 'refused', reason: 'not_found' };
    const reply = await run(name, tagOfGrant(id), now, [id, ...args]);
    const [record] = reply.records;
    if (reply.outcome === 'ok' && record) return { kind: 'ok', record };
    const reason = refusals.find((r) => r === reply.a);
    if (!reason) throw new AppError('internal', 'Unexpected reply from the grant store.');
    return { kind: 'refused', reason, record };
  };

  /** The live grants of the assignments `tags` (one HGETALL each); unreadable records are reported and skipped. */
  const liveIn = async (tags: readonly string[]): Promise<GrantRecord[]> => {
    const hashes = await Promise.all(tags.map((tag) => guarded(() => redis.hgetall(assignmentKey(tag)))));
    const out: GrantRecord[] = [];
    for (const fields of hashes) {
      for (const [field, json] of Object.entries(fields)) {
        if (!field.startsWith('g:')) continue;
        try {
          const record = decode(json);
          if (isLive(record)) out.push(record);
        } catch (e) {
          if (e instanceof AppError) onCorruptRecord(e);
          else throw e;
        }
      }
    }
    return out;
  };

  const shards = Array.from({ length: GRANT_SHARDS }, (_, s) => s);

  return {
    async create(record, now) {
      const reply = await run('create', tagOfGrant(record.id), now, [JSON.stringify(record)]);
      if (reply.outcome === 'ok') return { kind: 'ok', record: parseGrantRecord(record, record.id) };
      return { kind: 'refused', reason: reply.a === 'busy' ? 'busy' : 'closed' };
    },

    async get(id) {
      if (!grantIdSchema.safeParse(id).success) return undefined;
      const json = await guarded(() => redis.hget(assignmentKey(tagOfGrant(id)), `g:${id}`));
      return json === null ? undefined : decode(json);
    },

    endNow: (id, { by, why, now }) => change('end-now', id, now, [by, why]),

    extend: (id, { expiresAtMs, remindAtMs, now }) =>
      change('extend', id, now, [String(expiresAtMs), remindAtMs === undefined ? '' : String(remindAtMs)]),

    async due(now, limit) {
      const nowMs = now.getTime();
      // Each shard's earliest entries with their scores: the due ones, and the first one not yet due.
      const rows = await Promise.all(
        shards.map((s) => guarded(() => redis.zrange(dueKey(s), '0', String(limit), 'WITHSCORES'))),
      );
      const entries = rows
        .flatMap((row) => row.flatMap((v, i) => (i % 2 === 0 ? [{ tag: v, at: Number(row[i + 1]) }] : [])))
        .sort((x, y) => x.at - y.at);
      const dueNow = entries.filter((e) => e.at <= nowMs);
      const next = entries.find((e) => e.at > nowMs)?.at;
      return {
        tags: dueNow.slice(0, limit).map((e) => e.tag),
        nextAtMs: dueNow.length > limit ? nowMs : next,
      };
    },

    async claim(tag, { now, leaseMs, token }): Promise<ClaimOutcome> {
      if (!assignmentTagSchema.safeParse(tag).success) return { kind: 'later', atMs: undefined };
      const reply = await run('claim', tag, now, [String(leaseMs), token]);
      if (reply.outcome === 'busy') return { kind: 'busy', untilMs: Number(reply.b) };
      if (reply.outcome === 'later')
        return { kind: 'later', atMs: reply.b === '' ? undefined : Number(reply.b) };
      const covered = Number(reply.a);
      const revoke = Number(reply.b);
      return {
        kind: 'claimed',
        work: {
          tag,
          token,
          covered: reply.records.slice(0, covered),
          revoke: reply.records.slice(covered, covered + revoke),
          remind: reply.records.slice(covered + revoke),
        },
      };
    },

    async finish(tag, token, report, now) {
      const reply = await run('finish', tag, now, [token, JSON.stringify(report)]);
      if (reply.outcome === 'lost') return { kind: 'lost' };
      const ended = Number(reply.a);
      return { kind: 'done', ended: reply.records.slice(0, ended), overdue: reply.records.slice(ended) };
    },

    async live({ userId, limit }) {
      const tags =
        userId === undefined
          ? (await Promise.all(shards.map((s) => guarded(() => redis.zrange(dueKey(s), '0', '-1'))))).flat()
          : await guarded(() => redis.zrange(userKey(shardOf(userId), userHashOf(userId)), '0', '-1'));
      const records = await liveIn(tags);
      return records
        .filter((r) => userId === undefined || r.user.id === userId)
        .sort((x, y) => x.exp - y.exp)
        .slice(0, limit);
    },

    async close() {
      await redis.quit().catch(() => redis.disconnect());
    },
  };
};
