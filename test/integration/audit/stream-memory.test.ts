import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blockTextLength } from '../../support/block-kit.js';
import { waitFor } from '../../support/wait.js';
import { range, type StreamHarness, startStreamHarness } from './stream-harness.js';

describe('Authgear audit log stream without Redis', () => {
  let h: StreamHarness;
  beforeAll(async () => {
    h = await startStreamHarness();
  });
  afterAll(async () => h.close());

  it('holds the lock trivially, keeps the cursor in memory and never repeats an entry', async () => {
    const stream = h.stream();
    expect(await stream.pollOnce()).toMatchObject({ held: true, delivered: 0 });
    h.seed(0, 120);
    expect(await stream.pollOnce()).toMatchObject({ held: true, delivered: 120, messages: 3 });
    h.seed(120, 5);
    expect(await stream.pollOnce()).toMatchObject({ delivered: 5, messages: 1 });
    expect(await stream.pollOnce()).toMatchObject({ delivered: 0, caughtUp: true });
    await stream.stop();
    expect(h.delivered()).toEqual(range(0, 125));
  });

  it('splits a page whose lines are too long for one message, moving the cursor exactly: no gap, no repeat', async () => {
    h.slack.clear();
    const stream = h.stream();
    await stream.pollOnce();
    h.seed(1000, 120, undefined, { longLines: true });
    const result = await stream.pollOnce();
    expect(result).toMatchObject({ delivered: 120, caughtUp: true });
    await stream.stop();
    expect(h.delivered()).toEqual(range(1000, 120));
    const messages = h.slack.messagesIn('C0AUDIT');
    const perMessage = messages.map(
      (m) => [...JSON.stringify(m.args.blocks).matchAll(/client e\d+/g)].length,
    );
    expect(Math.max(...perMessage)).toBeLessThan(50); // 50 such lines do not fit one message
    for (const m of messages) expect(blockTextLength(m.args.blocks)).toBeLessThanOrEqual(10_000);
  });

  it('start() polls on its own until stopped', async () => {
    h.slack.clear();
    const stream = h.stream({ intervalMs: 10 });
    await stream.pollOnce();
    h.seed(500, 7);
    stream.start();
    await waitFor(() => h.delivered().length === 7, { message: 'streamed entries' });
    await stream.stop();
    expect(h.delivered()).toEqual(range(500, 7));
  });
});
