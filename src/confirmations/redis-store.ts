/**
 * Redis `ConfirmationStore`: one hash per confirmation, `${prefix}confirm:{id}` (a hash tag, so every script
 * touches one key and works on Redis Cluster), with a TTL: the confirmation's expiry while pending, then lease +
 * keep once claimed. The claim is one Lua script: one round trip, atomic across replicas.
 */
import { z } from 'zod';
import { AppError } from '../errors.js';
import type { RedisClient } from '../redis/client.js';
import { createRedisGuard } from '../redis/guard.js';
import { evalScript, isWrongType, type LuaScript, loadLuaScripts } from '../redis/script.js';
import {
  type ConfirmationOutcome,
  confirmationIdSchema,
  confirmationOutcomeSchema,
  confirmationRecordSchema,
  parseConfirmation,
  parseStoredJson,
} from './record.js';
import {
  type CancelOutcome,
  type ClaimOutcome,
  CONFIRMATION_KEEP_MS,
  type ConfirmationStore,
} from './store.js';

const scripts = loadLuaScripts(new URL('./lua/', import.meta.url), ['create', 'take', 'finish']);
const { create: CREATE, take: TAKE, finish: FINISH } = scripts;

const claimReply = z.tuple([z.string(), z.string(), z.string()]);
const unexpected = (): AppError => new AppError('internal', 'Unexpected reply from the confirmations store.');

export interface RedisConfirmationStoreOptions {
  readonly redis: RedisClient;
  /** Key prefix (REDIS_PREFIX). */
  readonly prefix: string;
  readonly keepMs?: number;
  /** How long a call waits for a (re)connecting client before giving up (default 750 ms). */
  readonly readyWaitMs?: number;
}

export const createRedisConfirmationStore = ({
  redis,
  prefix,
  keepMs = CONFIRMATION_KEEP_MS,
  readyWaitMs = 750,
}: RedisConfirmationStoreOptions): ConfirmationStore => {
  const keyOf = (id: string) => `${prefix}confirm:{${id}}`;
  const guarded = createRedisGuard(redis, {
    readyWaitMs,
    unavailableMessage:
      'The bot cannot reach its store for a moment. Nothing was changed; try again shortly.',
    rejectedMessage: 'A confirmation could not be read.',
  });

  /** One script on one confirmation; a key of the wrong type there is that confirmation being corrupt. */
  const run = async (id: string, which: LuaScript, args: string[]): Promise<unknown> => {
    try {
      return await guarded(() => evalScript(redis, which, [keyOf(id)], args));
    } catch (error) {
      if (error instanceof AppError && isWrongType(error.cause))
        throw new AppError('internal', 'A confirmation could not be read.', {
          cause: error.cause,
          details: { confirmationId: id },
        });
      throw error;
    }
  };

  /** A take.lua reply (a claim or a cancel) as an outcome. */
  const outcomeOf = (id: string, raw: unknown, nowMs: number): ClaimOutcome | CancelOutcome => {
    const parsed = claimReply.safeParse(raw);
    if (!parsed.success) throw unexpected();
    const [kind, body, extra] = parsed.data;
    if (kind === 'expired') return { kind };
    const record = parseStoredJson(confirmationRecordSchema, body, id);
    switch (kind) {
      case 'claimed':
      case 'cancelled':
      case 'not_yours':
        return { kind, record };
      case 'running':
        return { kind, record, stalled: nowMs >= Number(extra) };
      case 'done':
        return { kind, record, outcome: parseStoredJson(confirmationOutcomeSchema, extra, id) };
      default:
        throw unexpected();
    }
  };

  return {
    async create(record) {
      const body = JSON.stringify(parseConfirmation(record, record.id));
      const reply = await run(record.id, CREATE, [
        body,
        record.actor.userId,
        String(Date.parse(record.expiresAt)),
      ]);
      if (reply !== 'created')
        throw new AppError('state.conflict', 'A confirmation with this ID already exists.', {
          details: { confirmationId: record.id },
        });
    },

    async claim(id, { userId, now, leaseMs }): Promise<ClaimOutcome> {
      if (!confirmationIdSchema.safeParse(id).success) return { kind: 'expired' };
      const nowMs = now.getTime();
      const raw = await run(id, TAKE, [
        String(nowMs),
        userId,
        String(keepMs),
        'claim',
        String(nowMs + leaseMs),
      ]);
      const found = outcomeOf(id, raw, nowMs);
      if (found.kind === 'cancelled') throw unexpected();
      return found;
    },

    async cancel(id, { userId, now }): Promise<CancelOutcome> {
      if (!confirmationIdSchema.safeParse(id).success) return { kind: 'expired' };
      const nowMs = now.getTime();
      const outcome = JSON.stringify(
        confirmationOutcomeSchema.parse({ result: 'cancelled', at: now.toISOString() }),
      );
      const found = outcomeOf(
        id,
        await run(id, TAKE, [String(nowMs), userId, String(keepMs), 'cancel', outcome]),
        nowMs,
      );
      if (found.kind === 'claimed') throw unexpected();
      return found;
    },

    async finish(id, { outcome, now }: { outcome: ConfirmationOutcome; now: Date }) {
      const reply = await run(id, FINISH, [
        JSON.stringify(confirmationOutcomeSchema.parse(outcome)),
        String(now.getTime()),
        String(keepMs),
      ]);
      return reply === 1;
    },

    /** The connection is the caller's (shared by every store); nothing to release here. */
    async close() {},
  };
};
