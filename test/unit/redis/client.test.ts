import { describe, expect, it } from 'vitest';
import type { RedisTarget } from '../../../src/config/redis-env.js';
import { connectRedisTarget, type RedisClient } from '../../../src/redis/client.js';

/** The options ioredis was given for `target` (the client is closed at once; nothing listens on port 1). */
const optionsFor = (target: RedisTarget) => {
  const client = connectRedisTarget(target) as RedisClient;
  client.disconnect();
  return 'redisOptions' in client.options ? client.options.redisOptions : client.options;
};

const auth = { username: 'bot', password: 'pw', sentinelPassword: 'spw', tls: true };

describe('Redis clients', () => {
  it('speaks TLS with the credentials to one server', () => {
    expect(optionsFor({ kind: 'url', url: 'redis://127.0.0.1:1', auth })).toMatchObject({
      username: 'bot',
      password: 'pw',
      tls: {},
    });
  });

  it('speaks TLS to the sentinels and the master they name, each with its own password', () => {
    expect(
      optionsFor({ kind: 'sentinel', sentinels: [{ host: '127.0.0.1', port: 1 }], name: 'm', auth }),
    ).toMatchObject({
      password: 'pw',
      sentinelPassword: 'spw',
      tls: {},
      enableTLSForSentinelMode: true,
      sentinelTLS: {},
    });
  });

  it('gives every cluster node the credentials and TLS', () => {
    expect(optionsFor({ kind: 'cluster', nodes: [{ host: '127.0.0.1', port: 1 }], auth })).toMatchObject({
      username: 'bot',
      password: 'pw',
      tls: {},
    });
  });

  it('keeps the credentials of a REDIS_URL when no variable overrides them', () => {
    const options = optionsFor({ kind: 'url', url: 'rediss://u:secret@127.0.0.1:1' });
    expect(options).toMatchObject({ username: 'u', password: 'secret' });
  });
});
