import { describe, expect, it } from 'vitest';
import type { AuditEvent } from '../../../src/audit/event.js';
import { createRetryBuffer } from '../../../src/audit/retry-buffer.js';
import { createLogger } from '../../../src/logger.js';
import { auditEvent } from '../../support/audit.js';
import { waitFor } from '../../support/wait.js';

const event = (n: number) => auditEvent(n);

/** An outbox that refuses appends while `down`, and the events it took, in order. */
const flakyOutbox = () => {
  const taken: string[] = [];
  const state = { down: true, attempts: 0 };
  return {
    taken,
    state,
    append: async (e: AuditEvent) => {
      state.attempts += 1;
      if (state.down) throw new Error('Stream is not writeable');
      taken.push(e.id);
    },
  };
};

const capture = () => {
  const lines: Array<Record<string, unknown>> = [];
  const logger = createLogger({
    level: 'debug',
    destination: { write: (l) => void lines.push(JSON.parse(l) as Record<string, unknown>) },
  });
  return { lines, logger };
};

/** Sleeps that return at once (after a macrotask) and remember how long they were asked to wait. */
const instantSleep = () => {
  const waits: number[] = [];
  return {
    waits,
    sleep: async (ms: number) => {
      waits.push(ms);
      await new Promise((resolve) => setImmediate(resolve));
    },
  };
};

describe('audit retry buffer', () => {
  it('keeps events in order while the outbox refuses them and appends each once when it answers again', async () => {
    const outbox = flakyOutbox();
    const { logger } = capture();
    const clock = instantSleep();
    let woken = 0;
    const buffer = createRetryBuffer({
      append: outbox.append,
      logger,
      sleep: clock.sleep,
      onAppended: () => {
        woken += 1;
      },
    });
    for (let i = 1; i <= 5; i++) buffer.push(event(i));
    await waitFor(() => outbox.state.attempts >= 4);
    expect(buffer.size()).toBe(5);
    outbox.state.down = false;
    expect(await buffer.flush(2000)).toBe(true);
    expect(outbox.taken).toEqual(['evt1', 'evt2', 'evt3', 'evt4', 'evt5']);
    expect(woken).toBe(5);
    expect(buffer.size()).toBe(0);
  });

  it('doubles the wait after each refusal up to the cap', async () => {
    const outbox = flakyOutbox();
    const clock = instantSleep();
    const buffer = createRetryBuffer({
      append: outbox.append,
      logger: capture().logger,
      sleep: clock.sleep,
      initialBackoffMs: 100,
      maxBackoffMs: 500,
    });
    buffer.push(event(1));
    await waitFor(() => clock.waits.length >= 6);
    expect(clock.waits.slice(0, 6)).toEqual([100, 200, 400, 500, 500, 500]);
    outbox.state.down = false;
    expect(await buffer.flush(2000)).toBe(true);
  });

  it('writes an event to the log in full only when the buffer is full', async () => {
    const outbox = flakyOutbox();
    const { lines, logger } = capture();
    const buffer = createRetryBuffer({
      append: outbox.append,
      logger,
      capacity: 2,
      sleep: instantSleep().sleep,
    });
    buffer.push(event(1));
    buffer.push(event(2));
    buffer.push(event(3));
    expect(buffer.size()).toBe(2);
    const inFull = lines.filter((l) => l.auditEvent !== undefined);
    expect(inFull).toHaveLength(1);
    expect(inFull[0]?.level).toBe(50); // pino's error level
    expect(inFull[0]?.auditEvent).toEqual(event(3));
    outbox.state.down = false;
    expect(await buffer.flush(2000)).toBe(true);
    expect(outbox.taken).toEqual(['evt1', 'evt2']);
  });

  it('answers false from flush while the outbox stays away, and close logs what is left in full', async () => {
    const outbox = flakyOutbox();
    const { lines, logger } = capture();
    const buffer = createRetryBuffer({ append: outbox.append, logger, initialBackoffMs: 20 });
    buffer.push(event(1));
    buffer.push(event(2));
    expect(await buffer.flush(150)).toBe(false);
    expect(outbox.state.attempts).toBeGreaterThan(1); // flush retried rather than waiting out a backoff
    await buffer.close();
    const inFull = lines.filter((l) => l.auditEvent !== undefined).map((l) => l.auditEvent);
    expect(inFull).toEqual([event(1), event(2)]);
    expect(buffer.size()).toBe(0);
    expect(outbox.taken).toEqual([]);
  });

  it('is cut short by close during a long backoff', async () => {
    const outbox = flakyOutbox();
    const buffer = createRetryBuffer({
      append: outbox.append,
      logger: capture().logger,
      initialBackoffMs: 3_600_000,
    });
    buffer.push(event(1));
    await waitFor(() => outbox.state.attempts === 1);
    await buffer.close(); // an hour-long wait would time the test out
    expect(outbox.state.attempts).toBe(1);
    expect(buffer.size()).toBe(0);
  });
});
