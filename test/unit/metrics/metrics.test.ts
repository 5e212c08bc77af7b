import { describe, expect, it } from 'vitest';
import { createLogger } from '../../../src/logger.js';
import { ackKindOf } from '../../../src/metrics/acks.js';
import { observeOutcomes } from '../../../src/metrics/audit-outcomes.js';
import { createMetrics } from '../../../src/metrics/metrics.js';
import { runInRequest } from '../../../src/metrics/request-context.js';
import { meteredFetch } from '../../../src/metrics/slack-fetch.js';

const value = async (text: Promise<string>, series: string): Promise<number> => {
  const line = (await text).split('\n').find((l) => l.startsWith(`${series} `));
  return line ? Number(line.slice(series.length + 1)) : 0;
};

describe('ackKindOf', () => {
  it.each([
    [{ command: '/authgear', text: 'help' }, 'command'],
    [{ type: 'block_actions' }, 'action'],
    [{ type: 'view_submission' }, 'view'],
    [{ type: 'view_closed' }, 'view'],
    [{ type: 'shortcut' }, 'shortcut'],
    [{ type: 'message_action' }, 'shortcut'],
    [{ type: 'block_suggestion' }, 'options'],
    [{ type: 'event_callback' }, 'event'],
    [{ type: 'something_new' }, 'other'],
  ])('classifies %j as %s', (body, kind) => {
    expect(ackKindOf(body)).toBe(kind);
  });
});

describe('meteredFetch', () => {
  const answer = (status: number, body: unknown) => async () =>
    new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

  it('counts ok:false answers by method and error, and passes the response through unread', async () => {
    const metrics = createMetrics();
    const fetch = meteredFetch(metrics, answer(200, { ok: false, error: 'channel_not_found' }));
    const res = await fetch('http://127.0.0.1/api/chat.postMessage', { method: 'POST' });
    expect(await res.json()).toEqual({ ok: false, error: 'channel_not_found' });
    expect(
      await value(
        metrics.registry.metrics(),
        'authgear_slack_slack_errors_total{method="chat.postMessage",error="channel_not_found"}',
      ),
    ).toBe(1);
  });

  it('counts 429s as rate limited, not as errors, and ok answers as nothing', async () => {
    const metrics = createMetrics();
    await meteredFetch(metrics, answer(429, { ok: false, error: 'ratelimited' }))('http://x/api/views.open');
    await meteredFetch(metrics, answer(200, { ok: true }))('http://x/api/views.open');
    const text = metrics.registry.metrics();
    expect(await value(text, 'authgear_slack_slack_rate_limited_total{method="views.open"}')).toBe(1);
    expect(await text).not.toContain('authgear_slack_slack_errors_total{');
  });
});

describe('observeOutcomes', () => {
  it('logs one line per outcome with who, what, target, outcome, duration and reference, then records', async () => {
    const lines: string[] = [];
    const logger = createLogger({ level: 'info', destination: { write: (l) => void lines.push(l) } });
    const metrics = createMetrics();
    const recorded: string[] = [];
    let clock = 1000;
    const sink = observeOutcomes(
      { record: async (e) => void recorded.push(e.id) },
      { metrics, logger, now: () => clock },
    );
    await runInRequest({ startedAt: 1000, kind: 'action' }, async () => {
      clock = 1250;
      await sink.record({
        id: 'ev-1',
        type: 'executed',
        at: new Date(0).toISOString(),
        actor: { userId: 'U0ADA' },
        action: 'user.disable',
        actionKey: 'disable',
        target: { userId: 'user-uuid-1', label: 'a@example.com' },
        summary: 'Disabled',
        approvalId: 'ap-1',
      });
    });
    expect(recorded).toEqual(['ev-1']);
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0] ?? '{}')).toMatchObject({
      level: 30,
      msg: 'action executed: disable',
      outcome: 'executed',
      action: 'user.disable',
      actor: 'U0ADA',
      targetId: 'user-uuid-1',
      durationMs: 250,
      ref: 'ev-1',
      approvalId: 'ap-1',
    });
    const text = metrics.registry.metrics();
    expect(await value(text, 'authgear_slack_actions_total{action="user.disable",outcome="executed"}')).toBe(
      1,
    );
    expect(await value(text, 'authgear_slack_approvals_total{state="executed"}')).toBe(1);
  });

  it('passes an executing event through accept without counting it as an outcome, and refuses when the sink does', async () => {
    const lines: string[] = [];
    const logger = createLogger({ level: 'info', destination: { write: (l) => void lines.push(l) } });
    const metrics = createMetrics();
    const accepted: string[] = [];
    const executing = {
      id: 'ev-2',
      type: 'executing' as const,
      at: new Date(0).toISOString(),
      actor: { userId: 'U0ADA' },
      action: 'user.disable' as const,
      actionKey: 'disable',
      summary: 'Disabling',
      approvalId: 'ap-2',
    };
    let down = false;
    const sink = observeOutcomes(
      {
        record: async () => undefined,
        accept: async (e) => {
          if (down) throw new Error('outbox down');
          accepted.push(e.id);
        },
      },
      { metrics, logger },
    );
    await sink.accept?.(executing);
    expect(accepted).toEqual(['ev-2']);
    expect(lines).toEqual([]); // not an outcome: no info line
    const text = metrics.registry.metrics();
    expect(await text).not.toContain('outcome="executing"');
    expect(await value(text, 'authgear_slack_approvals_total{state="executing"}')).toBe(1);
    down = true;
    await expect(sink.accept?.({ ...executing, id: 'ev-3' })).rejects.toThrow('outbox down');
    expect(await value(metrics.registry.metrics(), 'authgear_slack_approvals_total{state="executing"}')).toBe(
      1,
    );
  });
});
