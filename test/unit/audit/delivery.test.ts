import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createAuditWebClient, createOutboxAuditSink } from '../../../src/audit/delivery.js';
import type { AuditEvent } from '../../../src/audit/event.js';
import { createMemoryOutbox } from '../../../src/audit/memory-outbox.js';
import type { AuditOutbox } from '../../../src/audit/outbox.js';
import { auditMessage } from '../../../src/blocks/audit.js';
import { isAppError } from '../../../src/errors.js';
import { createLogger } from '../../../src/logger.js';
import { type SlackFake, startSlackFake } from '../../fakes/slack/index.js';
import { auditEvent, auditEventIds as ids } from '../../support/audit.js';
import { blockTextLength, MESSAGE_BLOCK_TEXT_LIMIT } from '../../support/block-kit.js';
import { waitFor } from '../../support/wait.js';

const CHANNEL = 'C0AUDIT';
const logger = createLogger({ level: 'silent', destination: { write: () => undefined } });

const event = (n: number, approvalId = 'apr_1'): AuditEvent => auditEvent(n, { approvalId });

/** A fake clock shared by the sink and the Slack fake: sleeping advances time instantly. */
const fakeClock = () => {
  let t = 1_700_000_000_000;
  const sleeps: number[] = [];
  return {
    now: () => t,
    sleeps,
    sleep: async (ms: number) => {
      sleeps.push(ms);
      t += ms;
      await new Promise((resolve) => setImmediate(resolve));
    },
  };
};

/** Event IDs in the order Slack accepted them, read from the posted blocks. */
const delivered = (slack: SlackFake): string[] =>
  slack
    .messagesIn(CHANNEL)
    .flatMap((m) => [...JSON.stringify(m.args.blocks).matchAll(/event `(evt\d+)`/g)].map((x) => x[1] ?? ''));

/** A memory outbox whose appends fail while `down` (Redis away), as the fail-fast Redis client does. */
const flaky = () => {
  const inner = createMemoryOutbox();
  const state = { down: false };
  const outbox: AuditOutbox & { size(): number } = {
    ...inner,
    append: async (e) => {
      if (state.down) throw new Error("Stream isn't writeable and enableOfflineQueue options is false");
      return inner.append(e);
    },
  };
  return { outbox, state, size: () => inner.size() };
};

describe('outbox audit sink', () => {
  let slack: SlackFake;
  let clock: ReturnType<typeof fakeClock>;
  beforeAll(async () => {
    clock = fakeClock();
    slack = await startSlackFake({
      postMessageLimitPerSecond: 1,
      now: () => clock.now(),
      channels: [{ id: CHANNEL, name: 'audit' }],
    });
  });
  afterAll(async () => {
    await slack.close();
  });
  beforeEach(() => {
    slack.clear();
  });

  const build = (outbox = createMemoryOutbox()) => ({
    outbox,
    sink: createOutboxAuditSink({
      outbox,
      client: createAuditWebClient('xoxb-test', { slackApiUrl: slack.apiUrl }),
      channel: CHANNEL,
      logger,
      now: clock.now,
      sleep: clock.sleep,
    }),
  });

  it('coalesces a burst into few messages, in order, each event once', async () => {
    const { sink, outbox } = build();
    sink.start();
    for (let i = 1; i <= 35; i++) await sink.record(event(i));
    expect(await sink.flush(5000)).toBe(true);
    await sink.stop();
    expect(delivered(slack)).toEqual(ids(1, 35));
    expect(slack.messagesIn(CHANNEL).length).toBeLessThanOrEqual(5);
    expect(outbox.size()).toBe(0);
    expect(slack.violations).toEqual([]);
    expect(slack.callsTo('chat.postMessage').every((c) => c.ok)).toBe(true);
  });

  it('splits a burst of 24 long events by text: complete, in order, every message under the limit', async () => {
    const { sink, outbox } = build();
    const reason = 'the reviewer explained at length why this account had to be stopped right now '.repeat(6);
    const burst = Array.from({ length: 24 }, (_, i) => ({
      ...event(i + 1),
      type: 'rejected' as const,
      target: { userId: `u${i}`, label: `${'Very Long Display Name '.repeat(12)}${i}` },
      summary: `Disable user number ${i + 1}: “${reason}”`,
      reason,
    }));
    // Ten of these in one message (the count limit) would be refused by Slack.
    expect(blockTextLength(auditMessage(burst.slice(0, 10)).blocks)).toBeGreaterThan(
      MESSAGE_BLOCK_TEXT_LIMIT,
    );
    for (const e of burst) await outbox.append(e);
    expect(await sink.flush(5000)).toBe(true);
    await sink.stop();
    expect(delivered(slack)).toEqual(ids(1, 24));
    const messages = slack.messagesIn(CHANNEL);
    const perMessage = messages.map((m) => [...JSON.stringify(m.args.blocks).matchAll(/event `evt/g)].length);
    expect(Math.max(...perMessage)).toBeLessThan(10); // split by text, not only by count
    for (const m of messages) expect(blockTextLength(m.args.blocks)).toBeLessThanOrEqual(10_000);
    expect(slack.refusals).toEqual([]);
  });

  it('posts every event line as text when Slack refuses the blocks (msg_blocks_too_long)', async () => {
    const { sink } = build();
    for (let i = 1; i <= 3; i++) await sink.record(event(i));
    slack.failNext('chat.postMessage', { error: 'msg_blocks_too_long' });
    expect(await sink.flush(5000)).toBe(true);
    await sink.stop();
    const [textOnly] = slack.messagesIn(CHANNEL);
    expect(textOnly?.args.blocks).toBeUndefined();
    for (let i = 1; i <= 3; i++) expect(String(textOnly?.args.text)).toContain(`Disabled user number ${i}`);
  });

  it('waits out 429 Retry-After and retries failures, then delivers everything exactly once in order', async () => {
    const { sink, outbox } = build();
    for (let i = 1; i <= 25; i++) await sink.record(event(i, `apr_${i % 3}`));
    slack.rateLimit('chat.postMessage', { times: 2, retryAfterSeconds: 7 });
    slack.failNext('chat.postMessage', { times: 4, error: 'internal_error' });
    const before = clock.sleeps.length;
    expect(await sink.flush(5000)).toBe(true);
    await sink.stop();
    expect(delivered(slack)).toEqual(ids(1, 25));
    expect(outbox.size()).toBe(0);
    const waits = clock.sleeps.slice(before);
    expect(waits.filter((ms) => ms === 7000)).toHaveLength(2);
    // exponential backoff for the four errors: 1s, 2s, 4s, 8s
    expect(waits).toEqual(expect.arrayContaining([1000, 2000, 4000, 8000]));
    expect(slack.callsTo('chat.postMessage').length).toBe(2 + 4 + 3);
  });

  it('paces posts to about one per second so the channel limit is never hit', async () => {
    const { sink } = build();
    sink.start();
    for (let i = 1; i <= 12; i++) {
      await sink.record(event(i));
      await waitFor(() => delivered(slack).includes(`evt${i}`), { message: `evt${i} posted` });
    }
    await sink.stop();
    expect(delivered(slack)).toEqual(ids(1, 12));
    expect(slack.callsTo('chat.postMessage').every((c) => c.status === 200)).toBe(true);
    const at = slack.messagesIn(CHANNEL).map((m) => m.at);
    for (let i = 1; i < at.length; i++) expect((at[i] ?? 0) - (at[i - 1] ?? 0)).toBeGreaterThanOrEqual(1000);
  });

  it('stop() returns promptly even during a long Retry-After wait', async () => {
    const hung = createOutboxAuditSink({
      outbox: createMemoryOutbox(),
      client: createAuditWebClient('xoxb-test', { slackApiUrl: slack.apiUrl }),
      channel: CHANNEL,
      logger,
      sleep: () => new Promise(() => undefined), // never resolves
    });
    slack.rateLimit('chat.postMessage', { times: 1, retryAfterSeconds: 3600 });
    hung.start();
    await hung.record(event(1));
    await waitFor(() => slack.callsTo('chat.postMessage').length === 1);
    await hung.stop();
    expect(slack.messagesIn(CHANNEL)).toHaveLength(0);
  });

  it('stop() returns promptly when it comes while the rate-limited post is still on its way back', async () => {
    // The 429 is held until stop() was called: the loop then learns of the Retry-After only after the stop, and
    // must not start waiting it out (sleep never resolves here, so a wait would hang the test).
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const real = createAuditWebClient('xoxb-test', { slackApiUrl: slack.apiUrl });
    const client = Object.create(real) as typeof real;
    Object.defineProperty(client, 'chat', {
      value: {
        ...real.chat,
        postMessage: async (args: Parameters<typeof real.chat.postMessage>[0]) => {
          const answer = await real.chat.postMessage(args).then(
            (value) => ({ value }),
            (error: unknown) => ({ error }),
          );
          await held;
          if ('error' in answer) throw answer.error;
          return answer.value;
        },
      },
    });
    const late = createOutboxAuditSink({
      outbox: createMemoryOutbox(),
      client,
      channel: CHANNEL,
      logger,
      sleep: () => new Promise(() => undefined), // never resolves
    });
    slack.rateLimit('chat.postMessage', { times: 1, retryAfterSeconds: 3600 });
    late.start();
    await late.record(event(1));
    await waitFor(() => slack.callsTo('chat.postMessage').length === 1);
    const stopping = late.stop();
    release();
    await stopping;
    expect(slack.messagesIn(CHANNEL)).toHaveLength(0);
  });

  it('refuses to accept an event before a mutation while the outbox is away (audit.unavailable), then accepts again', async () => {
    const { outbox, state, size } = flaky();
    const { sink } = build(outbox);
    state.down = true;
    const refused = await sink.accept(event(1)).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(isAppError(refused) && refused.code).toBe('audit.unavailable');
    expect(size()).toBe(0);
    expect(sink.buffered()).toBe(0); // refused, not kept: the caller changes nothing
    state.down = false;
    await sink.accept(event(2));
    expect(await sink.flush(5000)).toBe(true);
    await sink.stop();
    expect(delivered(slack)).toEqual(['evt2']);
  });

  it('keeps events recorded while the outbox is away in memory, in order, and delivers them once it is back', async () => {
    const { outbox, state } = flaky();
    const { sink } = build(outbox);
    sink.start();
    await sink.record(event(1));
    state.down = true;
    for (let i = 2; i <= 4; i++) await sink.record(event(i));
    expect(sink.buffered()).toBe(3);
    state.down = false;
    await sink.record(event(5)); // queued behind the waiting ones, not ahead of them
    expect(await sink.flush(5000)).toBe(true);
    await sink.stop();
    expect(sink.buffered()).toBe(0);
    expect(delivered(slack)).toEqual(ids(1, 5));
  });

  it('posts an event that reached the outbox twice (a timed-out append retried) only once', async () => {
    const { sink, outbox } = build();
    await outbox.append(event(1));
    await outbox.append(event(2));
    await outbox.append(event(2)); // applied by Redis although the client timed out, then appended again
    expect(await sink.flush(5000)).toBe(true);
    await outbox.append(event(1)); // a repeat arriving after its first copy was posted
    await outbox.append(event(3));
    expect(await sink.flush(5000)).toBe(true);
    await sink.stop();
    expect(delivered(slack)).toEqual(ids(1, 3));
    expect(outbox.size()).toBe(0);
  });
});
