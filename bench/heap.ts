/**
 * Is the bot's memory growth under load a leak? Runs the built bot (`node dist/main.js`) against the fakes and a
 * private Redis, sends signed `/authgear user` commands in rounds, and after each round makes the bot collect its
 * garbage (bench/heap-probe.mjs, on SIGUSR2) and report its memory before and after. A leak shows as a heap that
 * keeps growing after collection with the number of commands; a warm-up shows as growth that stops.
 *
 *   npx tsx bench/heap.ts                                  # 8 rounds of 1,000 commands
 *   HEAP_SNAPSHOT_DIR=/tmp/snaps npx tsx bench/heap.ts     # and a heap snapshot after each round
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { PEOPLE } from '../test/support/app.js';
import { CHILD_SIGNING_SECRET, spawnNode, writeAppDir } from '../test/support/child-app.js';
import { freePort } from '../test/support/redis.js';
import { createSlackDriver } from '../test/support/slack-driver.js';
import { waitFor } from '../test/support/wait.js';
import { startChildFakes } from './child-fakes.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const ROUNDS = Number(process.env.HEAP_ROUNDS ?? 8);
const PER_ROUND = Number(process.env.HEAP_PER_ROUND ?? 1000);
const BATCH = 20;

interface Usage {
  readonly heapUsed: number;
  readonly rss: number;
}
interface ProbeLine {
  readonly heapProbe: Usage;
  readonly before: Usage;
}

const mb = (bytes: number): string => (bytes / 1024 / 1024).toFixed(1).padStart(8);

execFileSync(process.execPath, [path.join(root, 'scripts/build.mjs')], { cwd: root, stdio: 'ignore' });
const fakes = await startChildFakes('bench-heap@example.com');
const { key, slack, authgear, redis } = fakes;
const port = await freePort();
const snapshots = process.env.HEAP_SNAPSHOT_DIR;
const cwd = writeAppDir({
  slack,
  authgear,
  key,
  port,
  redis,
  extraEnv: snapshots ? { HEAP_SNAPSHOT_DIR: snapshots } : {},
});
const child = spawnNode(
  path.join(root, 'dist/main.js'),
  cwd,
  [],
  ['--expose-gc', '--import', pathToFileURL(path.join(root, 'bench/heap-probe.mjs')).href],
);
let stderr = '';
child.stderr?.on('data', (d: Buffer) => {
  stderr += d.toString();
});
child.stdout?.resume();

const probeLines = (): string[] => stderr.split('\n').filter((l) => l.includes('"heapProbe"'));
const probe = async (): Promise<ProbeLine> => {
  const seen = probeLines().length;
  child.kill('SIGUSR2');
  const line = await waitFor(() => probeLines()[seen], { timeoutMs: 60_000, message: 'the heap probe' });
  return JSON.parse(line) as ProbeLine;
};

try {
  await waitFor(
    async () => (await fetch(`http://127.0.0.1:${port}/readyz`).catch(() => undefined))?.status === 200,
    { timeoutMs: 30_000, message: 'the bot ready' },
  );
  const driver = createSlackDriver({
    url: `http://127.0.0.1:${port}/slack/events`,
    signingSecret: CHILD_SIGNING_SECRET,
    responseUrl: (id) => slack.responseUrl(id),
  });
  process.stdout.write('commands  heap MB  rss MB  | after GC: heap MB  rss MB\n');
  const report = async (commands: number): Promise<void> => {
    await new Promise((r) => setTimeout(r, 1000)); // the look-ups after the acks finish
    const { before, heapProbe: after } = await probe();
    process.stdout.write(
      `${String(commands).padStart(8)} ${mb(before.heapUsed)} ${mb(before.rss)}  |        ${mb(after.heapUsed)} ${mb(after.rss)}\n`,
    );
  };
  await report(0);
  for (let round = 1; round <= ROUNDS; round++) {
    for (let i = 0; i < PER_ROUND; i += BATCH) {
      const batch = await Promise.all(
        Array.from({ length: BATCH }, () =>
          driver.slashCommand({ userId: PEOPLE.viewer, text: 'user bench-heap@example.com' }),
        ),
      );
      if (batch.some((r) => r.status !== 200)) throw new Error('a command was not acked');
      // The fakes record every call; forget them so this process stays small (the bot is what is measured).
      slack.clear();
      authgear.requests.length = 0;
    }
    await report(round * PER_ROUND);
  }
} finally {
  child.kill('SIGTERM');
  await fakes.close();
}
