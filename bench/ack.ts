import { pathToFileURL } from 'node:url';
import { PEOPLE, startTestApp } from '../test/support/app.js';
import { type BenchResult, printTable } from './table.js';

const RUNS = 20;

const percentile = (values: number[], p: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
};
const round = (n: number) => Math.round(n * 10) / 10;

/**
 * Slash-command ack latency while the Admin API fake takes 2.5 s to answer, against a baseline measured in the same
 * run: `help`, which never calls the Admin API. The ratio shows the lookup's ack does not wait for Authgear.
 */
export async function benchAck(): Promise<BenchResult[]> {
  const t = await startTestApp();
  try {
    t.authgear.store.addUser({ email: 'bench@example.com' });
    const help: number[] = [];
    for (let i = 0; i < RUNS; i++)
      help.push((await t.driver.slashCommand({ userId: PEOPLE.viewer, text: 'help' })).elapsedMs);
    t.authgear.setLatency(2500);
    const lookups = await Promise.all(
      Array.from({ length: RUNS }, () =>
        t.driver.slashCommand({ userId: PEOPLE.viewer, text: 'user bench@example.com' }),
      ),
    );
    const acks = lookups.map((r) => r.elapsedMs);
    const p50 = percentile(acks, 50);
    const p95 = percentile(acks, 95);
    const baseP50 = percentile(help, 50);
    await Promise.all(lookups.map((r) => t.response(r.responseUrlId)));
    return [
      {
        name: 'ack: /authgear user, Admin API 2.5 s (p50)',
        value: round(p50),
        unit: 'ms',
        baseline: round(baseP50),
        ratio: round(p50 / baseP50),
      },
      {
        name: 'ack: /authgear user, Admin API 2.5 s (p95)',
        value: round(p95),
        unit: 'ms',
        baseline: round(percentile(help, 95)),
      },
    ];
  } finally {
    await t.stop();
  }
}

const runAlone = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (runAlone) printTable(await benchAck());
