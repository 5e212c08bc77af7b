/**
 * Where each user was seen signing in from (countries, as Authgear's geo lookup names them), for `when: new_country`
 * alerts. In Redis one set per user under the alert stream's hash tag, kept 180 days from the last new country;
 * without Redis, in memory.
 */
import type { RedisClient } from '../redis/client.js';

export interface CountryMemory {
  /** `first`: nothing known about this user yet; `known`: seen before; `new`: never seen, but others were. */
  check(userId: string, country: string): Promise<'first' | 'known' | 'new'>;
  remember(userId: string, country: string): Promise<void>;
}

const KEEP_MS = 180 * 24 * 60 * 60 * 1000;

export const createRedisCountryMemory = (redis: RedisClient, prefix: string): CountryMemory => {
  const key = (userId: string): string => `${prefix}{audit-alerts}:countries:${userId}`;
  return {
    async check(userId, country) {
      const [known, count] = await Promise.all([
        redis.sismember(key(userId), country),
        redis.scard(key(userId)),
      ]);
      if (known === 1) return 'known';
      return count === 0 ? 'first' : 'new';
    },
    async remember(userId, country) {
      await redis.sadd(key(userId), country);
      await redis.pexpire(key(userId), KEEP_MS);
    },
  };
};

export const createMemoryCountryMemory = (): CountryMemory => {
  const seen = new Map<string, Set<string>>();
  return {
    async check(userId, country) {
      const countries = seen.get(userId);
      if (countries === undefined || countries.size === 0) return 'first';
      return countries.has(country) ? 'known' : 'new';
    },
    async remember(userId, country) {
      seen.set(userId, (seen.get(userId) ?? new Set()).add(country));
    },
  };
};
