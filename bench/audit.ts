/**
 * Audit delivery benchmark against the Slack fake (1 message/s/channel enforced) with a simulated clock: events per
 * message for a burst, and the Slack-time needed to catch up a backlog of 5,000 queued events. Baseline: the plain
 * channel sink, one message per event at one message per second.
 * Also the Authgear audit-log stream: Slack-time to catch up a 5,000-entry backlog against the fake's 1 message/s
 * limit; its baseline is the floor that limit allows (one message per 50 entries, one message per second).
 * Run alone: `npx tsx bench/audit.ts`.
 */
import { pathToFileURL } from 'node:url';
import { createAuditWebClient, createOutboxAuditSink } from '../src/audit/delivery.js';
import type { AuditEvent } from '../src/audit/event.js';
import { createMemoryOutbox } from '../src/audit/memory-outbox.js';
import { MAX_LOG_ENTRIES_PER_MESSAGE } from '../src/blocks/audit-log.js';
import { createLogger } from '../src/logger.js';
import { startSlackFake } from '../test/fakes/slack/index.js';
import { startStreamHarness } from '../test/integration/audit/stream-harness.js';
import { type BenchResult, printTable } from './table.js';

const BURST = 200;
const BACKLOG = 5000;
const CHANNEL = 'C0AUDIT';

const event = (n: number): AuditEvent => ({
  id: `evt${n}`,
  type: 'executed',
  at: new Date(1_700_000_000_000 + n).toISOString(),
  actor: { userId: 'U0ALICE' },
  action: 'user.disable',
  actionKey: 'user.disable',
  summary: `Disabled user ${n}`,
});

const round = (n: number, digits = 2): number => Number(n.toFixed(digits));

/** Queues `count` events, delivers them, and returns messages posted and simulated seconds spent. */
const deliver = async (count: number, batchSize?: number): Promise<{ messages: number; seconds: number }> => {
  let t = 1_700_000_000_000;
  const start = t;
  const slack = await startSlackFake({
    postMessageLimitPerSecond: 1,
    now: () => t,
    channels: [{ id: CHANNEL, name: 'audit' }],
  });
  try {
    const sink = createOutboxAuditSink({
      outbox: createMemoryOutbox(),
      client: createAuditWebClient('xoxb-bench', { slackApiUrl: slack.apiUrl }),
      channel: CHANNEL,
      logger: createLogger({ level: 'silent', destination: { write: () => undefined } }),
      now: () => t,
      sleep: async (ms) => {
        t += ms;
        await new Promise((resolve) => setImmediate(resolve));
      },
      ...(batchSize ? { batchSize } : {}),
    });
    for (let i = 0; i < count; i++) await sink.record(event(i));
    if (!(await sink.flush(120_000))) throw new Error('audit bench did not drain');
    await sink.stop();
    return { messages: slack.messagesIn(CHANNEL).length, seconds: (t - start) / 1000 };
  } finally {
    await slack.close();
  }
};

/** Streams a backlog of `count` Authgear audit-log entries; returns messages and simulated seconds. */
const streamBacklog = async (
  count: number,
): Promise<{ messages: number; seconds: number; complete: boolean }> => {
  const h = await startStreamHarness();
  try {
    const stream = h.stream();
    await stream.pollOnce(); // anchors the cursor; the backlog arrives "while the bot is down"
    h.seed(0, count);
    const start = h.clock.now();
    await stream.pollOnce();
    const seconds = (h.clock.now() - start) / 1000;
    await stream.stop();
    const got = h.delivered();
    const complete = got.length === count && got.every((n, i) => n === i);
    return { messages: h.slack.messagesIn('C0AUDIT').length, seconds, complete };
  } finally {
    await h.close();
  }
};

export async function benchAudit(): Promise<BenchResult[]> {
  const burst = await deliver(BURST);
  const backlog = await deliver(BACKLOG, 24);
  const stream = await streamBacklog(BACKLOG);
  if (!stream.complete) throw new Error('audit stream bench: entries lost or repeated');
  // 1 message/s: n messages need at least n - 1 seconds between the first and the last.
  const floor = Math.ceil(BACKLOG / MAX_LOG_ENTRIES_PER_MESSAGE) - 1;
  return [
    {
      name: `audit: events per message (burst of ${BURST})`,
      value: round(BURST / burst.messages),
      unit: 'events/msg',
      baseline: 1,
      ratio: round(BURST / burst.messages),
    },
    {
      name: `audit: catch-up of ${BACKLOG} queued events (Slack time)`,
      value: round(backlog.seconds, 1),
      unit: 's',
      baseline: BACKLOG,
      ratio: round(backlog.seconds / BACKLOG, 4),
    },
    {
      name: `audit stream: Authgear log entries per message (${BACKLOG} backlog)`,
      value: round(BACKLOG / stream.messages),
      unit: 'entries/msg',
      baseline: 1,
      ratio: round(BACKLOG / stream.messages),
    },
    {
      name: `audit stream: catch-up of ${BACKLOG} Authgear log entries (Slack time; baseline = rate-limit floor)`,
      value: round(stream.seconds, 1),
      unit: 's',
      baseline: floor,
      ratio: round(stream.seconds / floor, 3),
    },
  ];
}

const runAlone = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (runAlone) printTable(await benchAudit());
