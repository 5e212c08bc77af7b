/** One contract, two secret stores (memory and Redis): a sealed secret is taken once, by its owner, in time. */
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMemorySecretStore } from '../../../src/secrets/memory-store.js';
import { createRedisSecretStore } from '../../../src/secrets/redis-store.js';
import type { SecretStore } from '../../../src/secrets/store.js';
import { createSecretVault, newSecretId } from '../../../src/secrets/vault.js';
import { makeAdminKey } from '../../support/keys.js';
import { type RedisWithClient, startRedisWithClient, uniquePrefix } from '../../support/redis.js';

let r: RedisWithClient;
let redis: Redis;
beforeAll(async () => {
  r = await startRedisWithClient();
  redis = r.redis;
});
afterAll(async () => r.stop());
const T0 = new Date(Date.now() + 60_000);
const at = (ms: number) => new Date(T0.getTime() + ms);
const sealed = { ownerId: 'U1', blob: 'v1.sealed', expiresAt: at(15 * 60_000) };

describe.each<[string, () => SecretStore]>([
  ['memory', () => createMemorySecretStore()],
  ['redis', () => createRedisSecretStore({ redis, prefix: uniquePrefix() })],
])('%s secret store', (_name, makeStore) => {
  it('gives the blob to its owner once, and nothing to anyone else', async () => {
    const store = makeStore();
    const id = newSecretId();
    await store.put(id, sealed);
    expect(await store.take(id, 'U2', at(0))).toEqual({ kind: 'not_yours' });
    expect(await store.take(id, 'U1', at(0))).toEqual({ kind: 'taken', blob: 'v1.sealed' });
    expect(await store.take(id, 'U1', at(1))).toEqual({ kind: 'gone' });
  });

  it('lets exactly one of many concurrent takes have it', async () => {
    const store = makeStore();
    const id = newSecretId();
    await store.put(id, sealed);
    const takes = await Promise.all(Array.from({ length: 20 }, () => store.take(id, 'U1', at(0))));
    expect(takes.filter((t) => t.kind === 'taken')).toHaveLength(1);
  });

  it('is gone once it expires, and for IDs it never had', async () => {
    const store = makeStore();
    const id = newSecretId();
    await store.put(id, sealed);
    expect(await store.take(id, 'U1', at(15 * 60_000))).toEqual({ kind: 'gone' });
    expect(await store.take(newSecretId(), 'U1', at(0))).toEqual({ kind: 'gone' });
    expect(await store.take('not-an-id', 'U1', at(0))).toEqual({ kind: 'gone' });
  });
});

describe('the vault over Redis', () => {
  it('stores only the sealed blob, with a TTL, and reveals it once to its owner', async () => {
    const prefix = uniquePrefix();
    const vault = createSecretVault({
      store: createRedisSecretStore({ redis, prefix }),
      keyMaterial: makeAdminKey().privateKeyPem,
      now: () => new Date(),
    });
    const { id, until } = await vault.keep('U1', { label: 'New password', value: 'hunter2-XYZ' });
    const stored = await redis.hgetall(`${prefix}secret:{${id}}`);
    expect(JSON.stringify(stored)).not.toContain('hunter2-XYZ');
    expect(await redis.pttl(`${prefix}secret:{${id}}`)).toBeGreaterThan(until.getTime() - Date.now() - 5000);
    expect(await vault.reveal(id, 'U2')).toEqual({ kind: 'not_yours' });
    expect(await vault.reveal(id, 'U1')).toEqual({
      kind: 'revealed',
      secret: { label: 'New password', value: 'hunter2-XYZ' },
    });
    expect(await vault.reveal(id, 'U1')).toEqual({ kind: 'gone' });
  });
});
