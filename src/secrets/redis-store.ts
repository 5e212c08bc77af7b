/**
 * Redis `SecretStore`: one hash per sealed secret, `${prefix}secret:{id}`, with a TTL equal to its expiry. The
 * blob is sealed (seal.ts); taking it reads and deletes it in one script.
 */
import { z } from 'zod';
import { AppError } from '../errors.js';
import type { RedisClient } from '../redis/client.js';
import { createRedisGuard } from '../redis/guard.js';
import { evalScript, type LuaScript, loadLuaScripts } from '../redis/script.js';
import { type SecretStore, secretIdSchema, type TakeOutcome } from './store.js';

const scripts = loadLuaScripts(new URL('./lua/', import.meta.url), ['put', 'take']);
const { put: PUT, take: TAKE } = scripts;

const takeReply = z.union([
  z.tuple([z.literal('taken'), z.string()]),
  z.tuple([z.literal('not_yours')]),
  z.tuple([z.literal('gone')]),
]);

export const createRedisSecretStore = ({
  redis,
  prefix,
  readyWaitMs = 750,
}: {
  redis: RedisClient;
  prefix: string;
  readyWaitMs?: number;
}): SecretStore => {
  const keyOf = (id: string) => `${prefix}secret:{${id}}`;
  const guarded = createRedisGuard(redis, {
    readyWaitMs,
    unavailableMessage: 'The bot cannot reach its store for a moment. Try again shortly.',
    rejectedMessage: 'A secret could not be read.',
  });
  const run = (id: string, which: LuaScript, args: string[]): Promise<unknown> =>
    guarded(() => evalScript(redis, which, [keyOf(id)], args));
  return {
    async put(id, sealed) {
      await run(id, PUT, [sealed.ownerId, sealed.blob, String(sealed.expiresAt.getTime())]);
    },
    async take(id, userId, now): Promise<TakeOutcome> {
      if (!secretIdSchema.safeParse(id).success) return { kind: 'gone' };
      const parsed = takeReply.safeParse(await run(id, TAKE, [userId, String(now.getTime())]));
      if (!parsed.success) throw new AppError('internal', 'Unexpected reply from the secrets store.');
      const [kind, blob] = parsed.data;
      return kind === 'taken' && blob !== undefined
        ? { kind, blob }
        : kind === 'not_yours'
          ? { kind }
          : { kind: 'gone' };
    },
    /** The connection is the caller's (shared by every store). */
    async close() {},
  };
};
