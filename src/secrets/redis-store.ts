/**
 * Redis `SecretStore`: one hash per sealed secret, `${prefix}secret:{id}`, with a TTL equal to its expiry. The
 * blob is sealed (seal.ts); taking it reads and deletes it in one script.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { AppError } from '../errors.js';
import { type RedisClient, readyGate } from '../redis/client.js';
import { evalScript, luaScript } from '../redis/script.js';
import { type SecretStore, secretIdSchema, type TakeOutcome } from './store.js';

const script = (name: string) =>
  luaScript(readFileSync(new URL(`./lua/${name}.lua`, import.meta.url), 'utf8'));
const PUT = script('put');
const TAKE = script('take');

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
  const ready = readyGate(redis, readyWaitMs);
  const run = async (id: string, which: typeof PUT, args: string[]): Promise<unknown> => {
    try {
      await ready();
      return await evalScript(redis, which, [keyOf(id)], args);
    } catch (cause) {
      throw new AppError(
        'store.unavailable',
        'The bot cannot reach its store for a moment. Try again shortly.',
        {
          cause,
        },
      );
    }
  };
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
