/**
 * Approvals benchmark on a private redis-server: Redis commands per decision (from INFO commandstats) and
 * approve throughput, each next to a baseline measured in the same run on the same connection (a plain,
 * non-atomic GET then SET: what a naive read-modify-write would cost).
 * Run alone: `npx tsx bench/approvals.ts`.
 */
import { pathToFileURL } from 'node:url';
import type { Redis } from 'ioredis';
import { newApprovalId, newClaimToken } from '../src/approvals/ids.js';
import { newApprovalRecord } from '../src/approvals/record.js';
import { connectRedis, createRedisApprovalStore } from '../src/approvals/redis-store.js';
import type { ApprovalStore } from '../src/approvals/store.js';
import { approvalRequest } from '../test/support/approvals.js';
import { startPrivateRedis, uniquePrefix } from '../test/support/redis.js';
import { type BenchResult, printTable } from './table.js';

const SEQUENTIAL = 2000;
const CONCURRENT_TOTAL = 5000;
const CONCURRENCY = 50;
const LEASE = 300_000;

const request = (required: number) => approvalRequest({ required });

export const openMany = async (store: ApprovalStore, count: number, required: number): Promise<string[]> => {
  const ids: string[] = [];
  for (let i = 0; i < count; i += CONCURRENCY) {
    const batch = Array.from({ length: Math.min(CONCURRENCY, count - i) }, () =>
      store.create(
        newApprovalRecord(request(required), { id: newApprovalId(), now: new Date(), ttlMs: 3_600_000 }),
      ),
    );
    ids.push(...(await Promise.all(batch)).map((r) => r.id));
  }
  return ids;
};

/**
 * Counts the commands this client sends while `work` runs, using MONITOR (commands run inside Lua scripts are
 * reported with source 'lua' and left out): the client's round trips to Redis.
 */
const countCommands = async (monitor: Redis, redis: Redis, work: () => Promise<void>): Promise<number> => {
  const marker = `bench-${newClaimToken()}`;
  let counting = false;
  let count = 0;
  let onMonitor: (time: string, args: string[], source: string) => void = () => undefined;
  const finished = new Promise<void>((resolve) => {
    onMonitor = (_time, args, source) => {
      const isMarker = args[0]?.toLowerCase() === 'echo' && args[1] === marker;
      if (isMarker) {
        if (counting) resolve();
        counting = true;
      } else if (counting && source !== 'lua') {
        count += 1;
      }
    };
  });
  monitor.on('monitor', onMonitor);
  await redis.echo(marker);
  await work();
  await redis.echo(marker);
  await finished;
  monitor.off('monitor', onMonitor);
  return count;
};

/** Runs `work(i)` for i < total with at most `concurrency` in flight; returns operations per second. */
export const rate = async (
  total: number,
  concurrency: number,
  work: (i: number) => Promise<unknown>,
): Promise<number> => {
  let next = 0;
  const started = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < total) await work(next++);
    }),
  );
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return total / seconds;
};

const round = (n: number, digits = 2): number => Number(n.toFixed(digits));

export async function benchApprovals(): Promise<BenchResult[]> {
  const server = await startPrivateRedis();
  const redis = connectRedis(server.url);
  const store = createRedisApprovalStore({ redis, prefix: uniquePrefix() });
  try {
    const approve = (id: string, userId = 'UAPPROVER') =>
      store.approve(id, { userId, now: new Date(), leaseMs: LEASE });

    // Commands per decision: an approval that only counts (1st of 2) and one that claims execution (1-of-1).
    const counted = await openMany(store, 200, 2);
    const executed = await openMany(store, 200, 1);
    await approve(counted[0] as string); // warm the script cache (the first call may need EVAL)
    const monitor = await redis.monitor();
    const countedCalls = await countCommands(monitor, redis, async () => {
      for (const id of counted.slice(1)) await approve(id);
    });
    const executeCalls = await countCommands(monitor, redis, async () => {
      for (const id of executed) await approve(id);
    });
    monitor.disconnect();
    const perCounted = countedCalls / (counted.length - 1);
    const perExecute = executeCalls / executed.length;

    // Throughput of 1-of-1 approvals (each one a full decision + claim), against GET+SET on the same connection.
    const seqIds = await openMany(store, SEQUENTIAL, 1);
    const seqRate = await rate(SEQUENTIAL, 1, (i) => approve(seqIds[i] as string));
    const baseKey = `${uniquePrefix()}baseline`;
    const getSet = async (i: number): Promise<void> => {
      await redis.get(`${baseKey}:${i % 100}`);
      await redis.set(`${baseKey}:${i % 100}`, String(i), 'PX', 60_000);
    };
    const seqBaseline = await rate(SEQUENTIAL, 1, getSet);
    const conIds = await openMany(store, CONCURRENT_TOTAL, 1);
    const conRate = await rate(CONCURRENT_TOTAL, CONCURRENCY, (i) => approve(conIds[i] as string));
    const conBaseline = await rate(CONCURRENT_TOTAL, CONCURRENCY, getSet);

    return [
      {
        name: 'approvals: Redis commands per approve that counts (2-of-2, first)',
        value: round(perCounted),
        unit: 'commands',
        baseline: 2,
        ratio: round(perCounted / 2),
      },
      {
        name: 'approvals: Redis commands per approve that executes (1-of-1)',
        value: round(perExecute),
        unit: 'commands',
        baseline: 2,
        ratio: round(perExecute / 2),
      },
      {
        name: 'approvals: approve 1-of-1, sequential',
        value: round(seqRate, 0),
        unit: 'decisions/s',
        baseline: round(seqBaseline, 0),
        ratio: round(seqRate / seqBaseline),
      },
      {
        name: `approvals: approve 1-of-1, ${CONCURRENCY} concurrent`,
        value: round(conRate, 0),
        unit: 'decisions/s',
        baseline: round(conBaseline, 0),
        ratio: round(conRate / conBaseline),
      },
    ];
  } finally {
    await store.close();
    await server.stop();
  }
}

const runAlone = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (runAlone) printTable(await benchApprovals());
