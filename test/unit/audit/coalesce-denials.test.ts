import { describe, expect, it } from 'vitest';
import { coalesceDenials } from '../../../src/audit/coalesce-denials.js';
import type { AuditEvent } from '../../../src/audit/event.js';
import { auditMessage } from '../../../src/blocks/audit.js';

let seq = 0;
const event = (overrides: Partial<AuditEvent> = {}): AuditEvent => {
  seq += 1;
  return {
    id: `e${seq}`,
    type: 'denied',
    at: '2030-01-01T00:00:00.000Z',
    actor: { userId: 'U0MALLORY' },
    action: 'user.disable',
    actionKey: 'disable',
    summary: 'Disable user',
    reason: 'not_granted',
    errorCode: 'permission.denied',
    ...overrides,
  };
};

const harness = () => {
  const seen: AuditEvent[] = [];
  let clock = 0;
  const timers: Array<{ fn: () => void; at: number; cancelled: boolean }> = [];
  const sink = coalesceDenials(
    { record: async (e) => void seen.push(e) },
    {
      now: () => clock,
      windowMs: 60_000,
      schedule: (fn, ms) => {
        const t = { fn, at: clock + ms, cancelled: false };
        timers.push(t);
        return () => {
          t.cancelled = true;
        };
      },
    },
  );
  /** Moves the clock and runs the timers that are due. */
  const advance = async (ms: number) => {
    clock += ms;
    for (const t of timers.filter((x) => !x.cancelled && x.at <= clock)) {
      t.cancelled = true;
      t.fn();
    }
    await new Promise((resolve) => setImmediate(resolve));
  };
  return { sink, seen, advance };
};

describe('coalescing denied attempts', () => {
  it('passes the first denial at once and reports the repeats of the window in one event when it ends', async () => {
    const h = harness();
    const first = event();
    await h.sink.record(first);
    expect(h.seen).toEqual([first]);
    for (let i = 0; i < 49; i += 1) await h.sink.record(event());
    expect(h.seen).toEqual([first]);
    await h.advance(60_000);
    expect(h.seen).toHaveLength(2);
    expect(h.seen[1]).toMatchObject({ type: 'denied', actor: { userId: 'U0MALLORY' }, repeated: 49 });
    expect(auditMessage([h.seen[1] as AuditEvent]).text).toContain('repeated 49× more');
  });

  it('keeps apart other actors, other actions, other refusals and every other event type', async () => {
    const h = harness();
    await h.sink.record(event());
    await h.sink.record(event({ actor: { userId: 'U0OTHER' } }));
    await h.sink.record(event({ action: 'user.enable' }));
    await h.sink.record(event({ errorCode: 'channel.not_allowed', reason: 'channel_not_allowed' }));
    await h.sink.record(event({ type: 'failed' }));
    await h.sink.record(event({ type: 'failed' }));
    expect(h.seen).toHaveLength(6);
  });

  it('says nothing more for a window without repeats, and starts a new window after one ends', async () => {
    const h = harness();
    await h.sink.record(event());
    await h.advance(60_000);
    expect(h.seen).toHaveLength(1);
    await h.sink.record(event());
    expect(h.seen).toHaveLength(2);
  });

  it('reports open windows on flush (shutdown), so no count is lost', async () => {
    const h = harness();
    await h.sink.record(event());
    await h.sink.record(event());
    await h.sink.flush();
    expect(h.seen.map((e) => e.repeated)).toEqual([undefined, 1]);
  });
});
