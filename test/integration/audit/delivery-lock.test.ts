import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectRedis } from '../../../src/approvals/redis-store.js';
import { createAuditWebClient, createOutboxAuditSink } from '../../../src/audit/delivery.js';
import { createRedisOutbox, outboxKey, outboxLockKey } from '../../../src/audit/redis-outbox.js';
import { createLogger } from '../../../src/logger.js';
import { waitUntilReady } from '../../../src/redis/client.js';
import { type SlackFake, startSlackFake } from '../../fakes/slack/index.js';
import { auditEvent, auditEventIds as ids } from '../../support/audit.js';
import { type PrivateRedis, startPrivateRedis, uniquePrefix } from '../../support/redis.js';
import { waitFor } from '../../support/wait.js';

const CHANNEL = 'C0AUDIT';
const logger = createLogger({ level: 'silent', destination: { write: () => undefined } });

const event = (n: number) => auditEvent(n);

describe('outbox delivery lock across replicas', () => {
  let server: PrivateRedis;
  let redis: Redis;
  let slack: SlackFake;

  beforeAll(async () => {
    server = await startPrivateRedis();
    redis = connectRedis(server.url);
    await waitFor(async () => (await redis.ping().catch(() => undefined)) === 'PONG', { message: 'redis' });
    slack = await startSlackFake({ channels: [{ id: CHANNEL, name: 'audit' }] });
  });
  afterAll(async () => {
    redis.disconnect();
    await slack.close();
    await server.stop();
  });

  const delivered = (): string[] =>
    slack
      .messagesIn(CHANNEL)
      .flatMap((m) =>
        [...JSON.stringify(m.args.blocks).matchAll(/event `(evt\d+)`/g)].map((x) => x[1] ?? ''),
      );

  const replica = (prefix: string, options: { lockTtlMs?: number; lockRenewMs?: number } = {}) => {
    const outbox = createRedisOutbox({ redis, prefix, lockTtlMs: options.lockTtlMs ?? 2000 });
    const sink = createOutboxAuditSink({
      outbox,
      client: createAuditWebClient('xoxb-test', { slackApiUrl: slack.apiUrl }),
      channel: CHANNEL,
      logger,
      minIntervalMs: 5,
      idlePollMs: 30,
      lockRenewMs: options.lockRenewMs ?? 500,
    });
    return Object.assign(sink, { token: outbox.deliveryLock.token });
  };

  it('two replicas on one outbox post every event exactly once, and the second takes over when the first stops', async () => {
    slack.clear();
    const prefix = uniquePrefix();
    const a = replica(prefix);
    const b = replica(prefix);
    a.start();
    b.start();
    for (let i = 1; i <= 60; i++) await (i % 2 ? a : b).record(event(i));
    await waitFor(async () => (await redis.xlen(outboxKey(prefix))) === 0, { message: 'outbox drained' });
    expect(delivered()).toEqual(ids(1, 60));

    const holderToken = await redis.get(outboxLockKey(prefix));
    const holder = [a, b].find((r) => r.token === holderToken);
    const other = [a, b].find((r) => r.token !== holderToken);
    if (!holder || !other) throw new Error('exactly one replica should hold the delivery lock');
    await holder.stop();
    expect(await redis.get(outboxLockKey(prefix))).toBeNull(); // released on stop

    await other.record(event(61));
    expect(await other.flush(5000)).toBe(true);
    expect(await redis.get(outboxLockKey(prefix))).toBe(other.token);
    await other.stop();
    expect(delivered()).toEqual(ids(1, 61));
  });

  it('when the holder hangs without renewing, its lock expires and another replica delivers the rest once', async () => {
    slack.clear();
    const prefix = uniquePrefix();
    // A posts one batch, then its pacing wait never ends and it never renews: a hung or dead replica.
    const hung = createOutboxAuditSink({
      outbox: createRedisOutbox({ redis, prefix, lockTtlMs: 300 }),
      client: createAuditWebClient('xoxb-test', { slackApiUrl: slack.apiUrl }),
      channel: CHANNEL,
      logger,
      minIntervalMs: 60_000,
      lockRenewMs: 3_600_000,
      sleep: () => new Promise(() => undefined),
    });
    for (let i = 1; i <= 25; i++) await hung.record(event(i));
    hung.start();
    await waitFor(() => delivered().length >= 10, { message: 'first batch' });

    const standby = replica(prefix, { lockTtlMs: 300, lockRenewMs: 100 });
    expect(await redis.get(outboxLockKey(prefix))).not.toBe(standby.token);
    standby.start();
    await waitFor(async () => (await redis.xlen(outboxKey(prefix))) === 0, { message: 'standby drained it' });
    await standby.stop();
    await hung.stop();
    expect(delivered()).toEqual(ids(1, 25));
  });

  it('a replica that does not hold the lock leaves the outbox alone and its flush says so', async () => {
    slack.clear();
    const prefix = uniquePrefix();
    await redis.set(outboxLockKey(prefix), 'someone-else', 'PX', 60_000);
    const sink = replica(prefix);
    await sink.record(event(1));
    expect(await sink.flush(2000)).toBe(false);
    await sink.stop();
    expect(slack.messagesIn(CHANNEL)).toHaveLength(0);
    expect(await redis.xlen(outboxKey(prefix))).toBe(1);
  });

  it('a replica started while its Redis connection is still opening waits for it without logging the lock as unavailable', async () => {
    slack.clear();
    const prefix = uniquePrefix();
    const lines: string[] = [];
    const fresh = connectRedis(server.url); // connecting, not ready yet: what every start looks like
    try {
      expect(fresh.status).not.toBe('ready');
      const sink = createOutboxAuditSink({
        outbox: createRedisOutbox({ redis: fresh, prefix }),
        client: createAuditWebClient('xoxb-test', { slackApiUrl: slack.apiUrl }),
        channel: CHANNEL,
        logger: createLogger({ level: 'debug', destination: { write: (l) => void lines.push(l) } }),
        minIntervalMs: 5,
      });
      sink.start();
      await waitUntilReady(fresh, 5000);
      await sink.record(event(1));
      expect(await sink.flush(5000)).toBe(true);
      await sink.stop();
      expect(delivered()).toEqual(['evt1']);
      expect(lines.filter((l) => /unavailable/.test(l))).toEqual([]);
    } finally {
      fresh.disconnect();
    }
  });
});
