import type { Redis } from 'ioredis';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { connectRedis } from '../../../src/approvals/redis-store.js';
import { createLockKeeper } from '../../../src/audit/lock.js';
import {
  anchorAt,
  createRedisStreamState,
  createStreamLock,
  streamLockKey,
} from '../../../src/audit/stream-state.js';
import { type PrivateRedis, startPrivateRedis, uniquePrefix } from '../../support/redis.js';
import { waitFor } from '../../support/wait.js';
import { range, type StreamHarness, startStreamHarness } from './stream-harness.js';

describe('Authgear audit log stream (Redis)', () => {
  let server: PrivateRedis;
  let redis: Redis;
  let h: StreamHarness;

  beforeAll(async () => {
    server = await startPrivateRedis();
    redis = connectRedis(server.url);
    await waitFor(async () => (await redis.ping().catch(() => undefined)) === 'PONG', { message: 'redis' });
    h = await startStreamHarness();
  });
  afterAll(async () => {
    redis.disconnect();
    await h.close();
    await server.stop();
  });
  beforeEach(() => {
    h.slack.clear();
  });

  it('delivers a 5,000-entry backlog complete, in order, once each, in far fewer messages', async () => {
    const prefix = uniquePrefix();
    const stream = h.stream({ redis, prefix });
    expect(await stream.pollOnce()).toMatchObject({ held: true, delivered: 0, caughtUp: true }); // anchors
    h.seed(0, 5000);
    const result = await stream.pollOnce();
    await stream.stop();
    expect(result).toMatchObject({ delivered: 5000, caughtUp: true });
    expect(h.delivered()).toEqual(range(0, 5000));
    expect(h.slack.messagesIn('C0AUDIT').length).toBeLessThanOrEqual(100);
    expect(h.slack.violations).toEqual([]);
    // Nothing new: the next poll posts nothing.
    const again = h.stream({ redis, prefix });
    expect(await again.pollOnce()).toMatchObject({ delivered: 0, caughtUp: true });
    await again.stop();
    expect(h.slack.messagesIn('C0AUDIT').length).toBeLessThanOrEqual(100);
  });

  it('two pollers at once produce no duplicates: only the lock holder reads and posts', async () => {
    const prefix = uniquePrefix();
    const a = h.stream({ redis, prefix });
    const b = h.stream({ redis, prefix });
    // The new holder cannot know when the old one last posted: Slack's channel limit answers 429 once, and it waits.
    h.slack.expectRefusal({ method: 'chat.postMessage', error: 'ratelimited' });
    await a.pollOnce();
    let next = 20_000;
    const heldBy: string[] = [];
    for (let round = 0; round < 5; round++) {
      h.seed(next, 70);
      next += 70;
      const [ra, rb] = await Promise.all([a.pollOnce(), b.pollOnce()]);
      heldBy.push(`${ra.held}/${rb.held}`);
    }
    expect(heldBy.every((x) => x === 'true/false')).toBe(true);
    // The holder stops (releasing the lock): the other takes over from the stored cursor.
    await a.stop();
    h.seed(next, 30);
    expect(await b.pollOnce()).toMatchObject({ held: true, delivered: 30 });
    await b.stop();
    expect(h.delivered()).toEqual(range(20_000, 380));
  });

  it('a poller whose lock expired cannot move the cursor; the new holder continues without gaps', async () => {
    const prefix = uniquePrefix();
    const a = h.stream({ redis, prefix, lockTtlMs: 60_000, lockRenewMs: 60_000 });
    const b = h.stream({ redis, prefix });
    h.slack.expectRefusal({ method: 'chat.postMessage', error: 'ratelimited' });
    await a.pollOnce();
    h.seed(30_000, 60);
    await a.pollOnce();
    await redis.del(streamLockKey(prefix)); // a "crashed": its hold expired
    h.seed(30_060, 60);
    expect(await b.pollOnce()).toMatchObject({ held: true, delivered: 60 });
    expect(await a.pollOnce()).toMatchObject({ held: false, delivered: 0 });
    // A stale holder's write is refused by the fenced save.
    const stale = createStreamLock(redis, prefix);
    expect(
      await createRedisStreamState(redis, prefix).save(anchorAt('2020-01-01T00:00:00.000Z', ''), stale),
    ).toBe(false);
    await a.stop();
    await b.stop();
    expect(h.delivered()).toEqual(range(30_000, 120));
  });

  it('keeps the cursor where Slack stopped accepting, then resumes after a restart without loss or repeats', async () => {
    const prefix = uniquePrefix();
    const first = h.stream({ redis, prefix });
    await first.pollOnce();
    h.seed(40_000, 200);
    // Two batches go through, then Slack fails persistently: the poll gives up with the cursor after batch 2.
    const original = h.slack.messagesIn('C0AUDIT').length;
    const stopAfterTwo = async (): Promise<void> => {
      await waitFor(() => h.slack.messagesIn('C0AUDIT').length >= original + 2, { message: 'two batches' });
      h.slack.failNext('chat.postMessage', { times: 3, error: 'internal_error' });
    };
    const [partial] = await Promise.all([first.pollOnce(), stopAfterTwo()]);
    expect(partial.delivered).toBeLessThan(200);
    expect(partial.caughtUp).toBe(false);
    await first.stop();

    const second = h.stream({ redis, prefix });
    h.slack.rateLimit('chat.postMessage', { times: 1, retryAfterSeconds: 7 });
    expect(await second.pollOnce()).toMatchObject({ caughtUp: true });
    await second.stop();
    expect(h.delivered()).toEqual(range(40_000, 200));
    expect(h.clock.sleeps).toContain(7000);
  });

  it('streams only the configured activity types and ignores unknown names', async () => {
    const prefix = uniquePrefix();
    const stream = h.stream({ redis, prefix, activityTypes: ['USER_DISABLED', 'NOT_A_TYPE'] });
    await stream.pollOnce();
    h.seed(50_000, 30, (n) => (n % 3 === 0 ? 'USER_DISABLED' : 'USER_AUTHENTICATED'));
    expect(await stream.pollOnce()).toMatchObject({ delivered: 10 });
    await stream.stop();
    expect(h.delivered()).toEqual(range(50_000, 30).filter((n) => n % 3 === 0));
  });

  it('a lock keeper renews its hold in the background and releases only its own', async () => {
    const prefix = uniquePrefix();
    const lock = createStreamLock(redis, prefix, 300);
    const keeper = createLockKeeper(lock, { renewEveryMs: 50 });
    expect(await keeper.hold()).toBe(true);
    const other = createStreamLock(redis, prefix, 300);
    await new Promise((resolve) => setTimeout(resolve, 600)); // longer than the TTL: only renewal keeps it
    expect(await other.acquire()).toBe(false);
    await other.release(); // not the holder: no effect
    expect(await redis.get(streamLockKey(prefix))).toBe(lock.token);
    await keeper.release();
    expect(await other.acquire()).toBe(true);
  });
});
