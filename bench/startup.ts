/**
 * Start-up and memory of the built bot (`node dist/main.js`, as `npm start` runs it) against a bare Bolt app
 * (bench/bare-bolt.mjs) started the same way in the same run:
 * - cold start: process spawn → `/readyz` answers 200 (Redis, Slack auth.test and Authgear checked); the bare app:
 *   spawn → its HTTP port answers.
 * - resident memory (VmRSS) after 1,000 signed `/authgear user` commands (bare Bolt: 1,000 commands it only acks).
 * Builds dist/ first. Run alone: `npx tsx bench/startup.ts`.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { PEOPLE } from '../test/support/app.js';
import { CHILD_SIGNING_SECRET, exitOf, spawnNode, writeAppDir } from '../test/support/child-app.js';
import { freePort } from '../test/support/redis.js';
import { createSlackDriver } from '../test/support/slack-driver.js';
import { startChildFakes } from './child-fakes.js';
import { type BenchResult, printTable } from './table.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const STARTS = Number(process.env.BENCH_STARTS ?? 5);
const COMMANDS = Number(process.env.BENCH_COMMANDS ?? 1000);
const BATCH = 20;

const median = (values: number[]): number =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
const round = (n: number, digits = 1): number => Number(n.toFixed(digits));

const rssMb = (pid: number | undefined): number => {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? Number.NaN);
  return kb / 1024;
};

/** Polls `url` until it answers 200; returns the ms since `started`. */
const until200 = async (url: string, started: number): Promise<number> => {
  for (;;) {
    const ok = await fetch(url).then(
      (r) => r.status === 200,
      () => false,
    );
    if (ok) return performance.now() - started;
    if (performance.now() - started > 30_000) throw new Error(`${url} did not answer 200 within 30 s`);
    await new Promise((r) => setTimeout(r, 5));
  }
};

export async function benchStartup(): Promise<BenchResult[]> {
  execFileSync(process.execPath, [path.join(root, 'scripts/build.mjs')], { cwd: root, stdio: 'ignore' });
  const fakes = await startChildFakes('bench-start@example.com');
  const { key, slack, authgear, redis } = fakes;
  try {
    const run = async (script: string, readyPath: string) => {
      const port = await freePort();
      const cwd = writeAppDir({ slack, authgear, key, port, redis });
      const started = performance.now();
      const child = spawnNode(script, cwd);
      try {
        const ms = await until200(`http://127.0.0.1:${port}${readyPath}`, started);
        return { ms, child, port };
      } catch (error) {
        child.kill('SIGKILL');
        throw error;
      }
    };
    const stop = async (child: ReturnType<typeof spawnNode>) => {
      child.kill('SIGTERM');
      await exitOf(child);
    };
    const bot = path.join(root, 'dist/main.js');
    const bare = path.join(root, 'bench/bare-bolt.mjs');
    const botStarts: number[] = [];
    const bareStarts: number[] = [];
    for (let i = 0; i < STARTS; i++) {
      const a = await run(bot, '/readyz');
      botStarts.push(a.ms);
      await stop(a.child);
      const b = await run(bare, '/healthz');
      bareStarts.push(b.ms);
      await stop(b.child);
    }

    const memoryAfter = async (script: string, readyPath: string, text: string): Promise<number> => {
      const { child, port } = await run(script, readyPath);
      try {
        const driver = createSlackDriver({
          url: `http://127.0.0.1:${port}/slack/events`,
          signingSecret: CHILD_SIGNING_SECRET,
          responseUrl: (id) => slack.responseUrl(id),
        });
        for (let i = 0; i < COMMANDS; i += BATCH) {
          const batch = await Promise.all(
            Array.from({ length: BATCH }, () => driver.slashCommand({ userId: PEOPLE.viewer, text })),
          );
          if (batch.some((r) => r.status !== 200)) throw new Error(`a command was not acked by ${script}`);
        }
        await new Promise((r) => setTimeout(r, 500)); // let the lookups after the acks finish
        return rssMb(child.pid);
      } finally {
        await stop(child);
      }
    };
    const botRss = await memoryAfter(bot, '/readyz', 'user bench-start@example.com');
    const bareRss = await memoryAfter(bare, '/healthz', 'user bench-start@example.com');
    const start = median(botStarts);
    const bareStart = median(bareStarts);
    return [
      {
        name: `startup: cold start to /readyz 200, median of ${STARTS}`,
        value: round(start, 0),
        unit: 'ms',
        baseline: round(bareStart, 0),
        ratio: round(start / bareStart, 2),
      },
      {
        name: `startup: resident memory after ${COMMANDS} /authgear user`,
        value: round(botRss),
        unit: 'MB',
        baseline: round(bareRss),
        ratio: round(botRss / bareRss, 2),
      },
    ];
  } finally {
    await fakes.close();
  }
}

const runAlone = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (runAlone) printTable(await benchStartup());
