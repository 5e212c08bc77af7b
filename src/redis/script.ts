/**
 * Lua scripts run by SHA: EVALSHA is one round trip; when Redis does not have the script cached (first use, a
 * restart, a failover) it answers NOSCRIPT and the script is sent once with EVAL, which caches it for next time.
 */
import { createHash } from 'node:crypto';
import { ReplyError } from 'ioredis';
import type { RedisClient } from './client.js';

export interface LuaScript {
  readonly lua: string;
  readonly sha: string;
}

export const luaScript = (lua: string): LuaScript => ({
  lua,
  sha: createHash('sha1').update(lua).digest('hex'),
});

const isNoScript = (error: unknown): boolean =>
  error instanceof ReplyError && error instanceof Error && error.message.startsWith('NOSCRIPT');

/** Runs `script` over `keys` (all in one hash slot) with `args`; the raw reply. */
export const evalScript = async (
  redis: RedisClient,
  script: LuaScript,
  keys: readonly string[],
  args: readonly string[],
): Promise<unknown> => {
  try {
    return await redis.evalsha(script.sha, keys.length, ...keys, ...args);
  } catch (error) {
    if (!isNoScript(error)) throw error;
    return redis.eval(script.lua, keys.length, ...keys, ...args);
  }
};

/** Whether a Redis error says a key holds another type than the command expects (a corrupt or foreign key). */
export const isWrongType = (error: unknown): boolean =>
  error instanceof Error && /\bWRONGTYPE\b/.test(error.message);
