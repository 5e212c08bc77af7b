/**
 * Audit delivery benchmark against the Slack fake (1 message/s/channel enforced) with a simulated clock: events per
 * message for a burst, and the Slack-time needed to catch up a backlog of 5,000 queued events. Baseline: the plain
 * channel sink, one message per event at one message per second.
 * Run alone: `npx tsx bench/audit.ts`.
 */
import { pathToFileURL } from 'node:url';
import { createAuditWebClient, createOutboxAuditSink } from '../src/audit/delivery.js';
import type { AuditEvent } from '../src/audit/event.js';
import { createMemoryOutbox } from '../src/audit/memory-outbox.js';
import { createLogger } from '../src/logger.js';
import { startSlackFake } from '../test/fakes/slack/index.js';
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
  const slack = await startSlackFake({ postMessageLimitPerSecond: 1, now: () => t });
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

export async function benchAudit(): Promise<BenchResult[]> {
  const burst = await deliver(BURST);
  const backlog = await deliver(BACKLOG, 24);
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
  ];
}

const runAlone = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (runAlone) printTable(await benchAudit());
