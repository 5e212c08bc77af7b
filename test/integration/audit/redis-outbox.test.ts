import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectRedis } from '../../../src/approvals/redis-store.js';
import { createAuditWebClient, createOutboxAuditSink } from '../../../src/audit/delivery.js';
import type { AuditEvent } from '../../../src/audit/event.js';
import { createRedisOutbox, outboxKey } from '../../../src/audit/redis-outbox.js';
import { createLogger } from '../../../src/logger.js';
import { type SlackFake, startSlackFake } from '../../fakes/slack/index.js';
import { type PrivateRedis, startPrivateRedis, uniquePrefix } from '../../support/redis.js';
import { waitFor } from '../../support/wait.js';

const CHANNEL = 'C0AUDIT';
const logger = createLogger({ level: 'silent', destination: { write: () => undefined } });

const event = (n: number): AuditEvent => ({
  id: `evt${n}`,
  type: n % 2 ? 'requested' : 'approved',
  at: '2026-01-02T03:04:05.000Z',
  actor: { userId: 'U0ALICE' },
  action: 'user.delete',
  actionKey: 'user.delete',
  summary: `Step ${n}`,
  approvalId: `apr_${Math.ceil(n / 2)}`,
});

const ids = (from: number, to: number): string[] =>
  Array.from({ length: to - from + 1 }, (_, i) => `evt${from + i}`);

const delivered = (slack: SlackFake): string[] =>
  slack
    .messagesIn(CHANNEL)
    .flatMap((m) => [...JSON.stringify(m.args.blocks).matchAll(/event `(evt\d+)`/g)].map((x) => x[1] ?? ''));

describe('Redis audit outbox', () => {
  let server: PrivateRedis;
  let redis: Redis;
  let slack: SlackFake;
  let t = 1_700_000_000_000;
  const now = (): number => t;
  const sleep = async (ms: number): Promise<void> => {
    t += ms;
    await new Promise((resolve) => setImmediate(resolve));
  };

  beforeAll(async () => {
    server = await startPrivateRedis({ persistence: true });
    redis = connectRedis(server.url);
    await waitFor(async () => (await redis.ping().catch(() => undefined)) === 'PONG', {
      message: 'redis ready',
    });
    slack = await startSlackFake({
      postMessageLimitPerSecond: 1,
      now,
      channels: [{ id: CHANNEL, name: 'audit' }],
    });
  });
  afterAll(async () => {
    redis.disconnect();
    await slack.close();
    await server.stop();
  });

  const sinkOn = (prefix: string, pacing: Partial<{ minIntervalMs: number; sleep: typeof sleep }> = {}) =>
    createOutboxAuditSink({
      outbox: createRedisOutbox({ redis, prefix }),
      client: createAuditWebClient('xoxb-test', { slackApiUrl: slack.apiUrl }),
      channel: CHANNEL,
      logger,
      now,
      sleep,
      ...pacing,
    });

  it('keeps entries in append order until they are acked', async () => {
    const outbox = createRedisOutbox({ redis, prefix: uniquePrefix() });
    for (let i = 1; i <= 5; i++) await outbox.append(event(i));
    const first = await outbox.peek(3);
    expect(first.map((e) => e.event.id)).toEqual(ids(1, 3));
    expect((await outbox.peek(3)).map((e) => e.id)).toEqual(first.map((e) => e.id));
    await outbox.ack(first.map((e) => e.id));
    expect((await outbox.peek(10)).map((e) => e.event)).toEqual([event(4), event(5)]);
  });

  it('skips and removes a corrupt entry instead of blocking the queue', async () => {
    const prefix = uniquePrefix();
    const corrupt: string[] = [];
    const outbox = createRedisOutbox({ redis, prefix, onCorruptEntry: (id) => void corrupt.push(id) });
    await redis.xadd(outboxKey(prefix), '*', 'event', '{not json');
    await outbox.append(event(1));
    expect((await outbox.peek(10)).map((e) => e.event.id)).toEqual(['evt1']);
    expect(corrupt).toHaveLength(1);
    expect(await redis.xlen(outboxKey(prefix))).toBe(1);
  });

  it('after a crash, a new sink on the same outbox delivers the rest exactly once and in order', async () => {
    slack.clear();
    const prefix = uniquePrefix();
    // The first sink's pacing wait (30 s) never ends, so it "crashes" with exactly one batch posted.
    const first = sinkOn(prefix, {
      minIntervalMs: 30_000,
      sleep: (ms) => (ms < 10_000 ? sleep(ms) : new Promise(() => undefined)),
    });
    // Slack is down for a while: nothing gets through before the "crash".
    slack.failNext('chat.postMessage', { times: 3, error: 'internal_error' });
    for (let i = 1; i <= 30; i++) await first.record(event(i));
    first.start();
    await waitFor(() => delivered(slack).length >= 10, { message: 'first batch delivered' });
    await first.stop(); // crash: no flush

    const crashedAt = delivered(slack).length;
    expect(crashedAt).toBe(10);
    expect(slack.callsTo('chat.postMessage')).toHaveLength(4);
    // Redis itself restarts too (AOF keeps the stream).
    await server.restart();
    await waitFor(async () => (await redis.ping().catch(() => undefined)) === 'PONG', {
      message: 'redis back',
    });

    const second = sinkOn(prefix);
    slack.rateLimit('chat.postMessage', { times: 1, retryAfterSeconds: 2 });
    expect(await second.flush(10_000)).toBe(true);
    await second.stop();
    expect(delivered(slack)).toEqual(ids(1, 30));
    expect(await redis.xlen(outboxKey(prefix))).toBe(0);
    expect(slack.violations).toEqual([]);
  });
});
