/**
 * A cross-replica lock in Redis: `SET key token NX PX ttl` takes it, a Lua compare-and-extend renews it, a Lua
 * compare-and-delete releases it, so a replica can only ever extend or drop its own hold. When the holder dies
 * the key expires and another replica takes over. Without Redis, `heldLock()` is a lock that is always held.
 */
import { randomBytes } from 'node:crypto';
import { type ConnectionReadiness, connectionReadiness, type RedisClient } from '../redis/client.js';

export interface Lock {
  /** The Redis key (undefined for the in-memory lock). */
  readonly key: string | undefined;
  /** This holder's token (unique per lock object). */
  readonly token: string;
  /** Takes the lock when free or extends it when this holder has it; true while held. */
  acquire(): Promise<boolean>;
  /** Drops the lock if this holder has it (never someone else's). */
  release(): Promise<void>;
  /** The Redis connection behind the lock: while it is not ready, holders wait instead of trying (and failing). */
  readonly connection?: ConnectionReadiness;
}

const RENEW = `if redis.call('GET', KEYS[1]) == ARGV[1] then
  return redis.call('PEXPIRE', KEYS[1], ARGV[2])
end
return 0`;

const RELEASE = `if redis.call('GET', KEYS[1]) == ARGV[1] then
  return redis.call('DEL', KEYS[1])
end
return 0`;

export interface RedisLockOptions {
  readonly redis: RedisClient;
  readonly key: string;
  /** How long a hold lasts without renewal (default 15 s). */
  readonly ttlMs?: number;
}

export const newLockToken = (): string => randomBytes(12).toString('hex');

export const createRedisLock = ({ redis, key, ttlMs = 15_000 }: RedisLockOptions): Lock => {
  const token = newLockToken();
  return {
    key,
    token,
    connection: connectionReadiness(redis),
    async acquire() {
      const renewed = await redis.eval(RENEW, 1, key, token, String(ttlMs));
      if (Number(renewed) === 1) return true;
      return (await redis.set(key, token, 'PX', ttlMs, 'NX')) === 'OK';
    },
    async release() {
      await redis.eval(RELEASE, 1, key, token);
    },
  };
};

/** Single-instance runs: the lock is always held. */
export const heldLock = (): Lock => ({
  key: undefined,
  token: newLockToken(),
  acquire: async () => true,
  release: async () => undefined,
});

/** Keeps a hold alive in the background (a real timer, so long Retry-After or backoff waits never lose it). */
export interface LockKeeper {
  /**
   * Takes or renews the lock now; true while held. Starts background renewal while held. While the lock's Redis
   * connection is not ready (at start, or reconnecting) it answers false without trying, so nothing is logged.
   */
  hold(): Promise<boolean>;
  /** What the last take/renew said. */
  held(): boolean;
  /** Stops renewing and releases the lock. */
  release(): Promise<void>;
}

export const createLockKeeper = (
  lock: Lock,
  options: { readonly renewEveryMs: number; readonly onError?: (error: unknown) => void },
): LockKeeper => {
  let isHeld = false;
  let timer: ReturnType<typeof setInterval> | undefined;
  const stopTimer = (): void => {
    if (timer) clearInterval(timer);
    timer = undefined;
  };
  const renew = async (): Promise<boolean> => {
    try {
      isHeld = await lock.acquire();
    } catch (error) {
      isHeld = false;
      options.onError?.(error);
    }
    if (!isHeld) stopTimer();
    return isHeld;
  };
  return {
    async hold() {
      if (lock.connection && !lock.connection.isReady()) {
        isHeld = false;
        stopTimer();
        return false;
      }
      const ok = await renew();
      if (ok && !timer) {
        timer = setInterval(() => void renew(), options.renewEveryMs);
        timer.unref();
      }
      return ok;
    },
    held: () => isHeld,
    async release() {
      stopTimer();
      const was = isHeld;
      isHeld = false;
      if (was) await lock.release().catch((error: unknown) => options.onError?.(error));
    },
  };
};
