/**
 * Lua scripts run by SHA: EVALSHA (one round trip), falling back to EVAL when Redis does not have the script cached
 * (first use, restart, failover); EVAL caches it for next time. Time comes in as ARGV; scripts never call TIME.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { ReplyError } from 'ioredis';
import type { RedisClient } from './client.js';

export interface LuaScript {
  readonly name: string;
  readonly lua: string;
  readonly sha: string;
}

/** Reads `<name>.lua` from `dir` (a file URL ending in `/`), with `prelude.lua` prepended when it exists there. */
export const loadLuaScripts = <N extends string>(
  dir: URL,
  names: readonly N[],
  prelude?: string,
): Record<N, LuaScript> => {
  const read = (file: string): string => readFileSync(new URL(`${file}.lua`, dir), 'utf8');
  const head = prelude === undefined ? '' : `${read(prelude)}\n`;
  const entries = names.map((name): [N, LuaScript] => {
    const lua = `${head}${read(name)}`;
    return [name, { name, lua, sha: createHash('sha1').update(lua).digest('hex') }];
  });
  return Object.fromEntries(entries) as Record<N, LuaScript>;
};

const isNoScript = (error: unknown): boolean =>
  error instanceof ReplyError && error instanceof Error && error.message.startsWith('NOSCRIPT');

/** Runs `script` on `keys` (all in one hash slot) with `args`; the raw reply. */
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
