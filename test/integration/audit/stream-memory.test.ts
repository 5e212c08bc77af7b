import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
