/**
 * Grant expiry benchmark on a private redis-server: 10,000 grants scheduled to end within a few seconds, run by the
 * real worker and schedule loop (an in-process Admin API that only records when each revoke arrived).
 * - Lateness: ms from a grant's end to its revoke (p50, p99). Baseline: one in-process setTimeout per grant for the
 *   same end times, the floor for a single process that keeps nothing (no Redis, no claim, no restart safety).
 * - Redis round trips per revoke (commands this client sent, scripts counted once). Baseline: a naive non-atomic
 *   loop over the same number of due entries: ZRANGEBYSCORE per batch, then GET, SET and ZREM per entry.
 * Run alone: `npx tsx bench/grants.ts`.
 */
import { pathToFileURL } from 'node:url';
import type { Redis } from 'ioredis';
import type { AdminApi } from '../src/authgear/client.js';
import { type GrantRecord, newGrantRecord } from '../src/grants/record.js';
import { createRedisGrantStore } from '../src/grants/redis-store.js';
import { createGrantScheduler } from '../src/grants/scheduler.js';
import { createGrantWorker } from '../src/grants/worker.js';
import { createLogger } from '../src/logger.js';
import { connectRedis, waitUntilReady } from '../src/redis/client.js';
import { startPrivateRedis, uniquePrefix } from '../test/support/redis.js';
import { type BenchResult, printTable } from './table.js';

const GRANTS = 10_000;
/** Ends are spread over this window, starting this long after the grants are stored. */
const SPREAD_MS = 5_000;
const LEAD_MS = 3_000;

const round = (n: number, digits = 1): number => Number(n.toFixed(digits));
const percentile = (sorted: readonly number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

/** Counts the commands `redis` sends (each is one round trip: nothing here pipelines). */
const countCommands = (redis: Redis): { readonly count: () => number } => {
  let n = 0;
  const send = redis.sendCommand.bind(redis);
  redis.sendCommand = (command, stream) => {
    n += 1;
    return send(command, stream);
  };
  return { count: () => n };
};

const grantEnding = (i: number, endAt: number): GrantRecord => {
  const now = new Date(endAt - 60_000);
  const record = newGrantRecord(
    {
      user: { id: `VXNlcjp1c2VyLSR7aX0${i}`, label: `user${i}@example.com` },
      target: { kind: 'role', key: 'oncall' },
      requester: { userId: 'U0BENCH' },
      durationMs: 60_000,
      remindBeforeMs: undefined,
    },
    now,
  );
  return { ...record, exp: endAt };
};

/** An Admin API that takes every revoke at once and notes when it came, by user. */
const recordingApi = (arrived: Map<string, number>): AdminApi => ({
  async run(_operation, variables) {
    const input = (variables as { input?: { userID?: string } }).input;
    if (input?.userID) arrived.set(input.userID, Date.now());
    return {} as never;
  },
});

const lateness = async (url: string): Promise<{ p50: number; p99: number; max: number; trips: number }> => {
  const redis = connectRedis(url, { commandTimeoutMs: 10_000 });
  const store = createRedisGrantStore({ redis, prefix: uniquePrefix() });
  const arrived = new Map<string, number>();
  const logger = createLogger({ level: 'silent' });
  const now = () => new Date();
  const start = Date.now() + LEAD_MS;
  const grants = Array.from({ length: GRANTS }, (_, i) =>
    grantEnding(i, start + Math.floor((i * SPREAD_MS) / GRANTS)),
  );
  for (let i = 0; i < grants.length; i += 200)
    await Promise.all(grants.slice(i, i + 200).map((g) => store.create(g, new Date(g.createdAt))));
  const counter = countCommands(redis);
  const worker = createGrantWorker({
    store,
    api: recordingApi(arrived),
    audit: { record: async () => undefined },
    logger,
    now,
    remind: async () => undefined,
  });
  const scheduler = createGrantScheduler(worker, { logger, now });
  scheduler.start();
  while (arrived.size < GRANTS) await new Promise((resolve) => setTimeout(resolve, 50));
  await scheduler.stop();
  const trips = counter.count() / GRANTS;
  const late = grants.map((g) => (arrived.get(g.user.id) ?? Number.NaN) - g.exp).sort((a, b) => a - b);
  redis.disconnect();
  return { p50: percentile(late, 50), p99: percentile(late, 99), max: late.at(-1) ?? 0, trips };
};

/** The same end times met by one setTimeout each in this process. */
const timerBaseline = async (): Promise<{ p50: number; p99: number }> => {
  const start = Date.now() + LEAD_MS;
  const late: number[] = [];
  await Promise.all(
    Array.from({ length: GRANTS }, (_, i) => {
      const exp = start + Math.floor((i * SPREAD_MS) / GRANTS);
      return new Promise<void>((resolve) =>
        setTimeout(() => {
          late.push(Date.now() - exp);
          resolve();
        }, exp - Date.now()),
      );
    }),
  );
  late.sort((a, b) => a - b);
  return { p50: percentile(late, 50), p99: percentile(late, 99) };
};

/** A naive schedule: a zset of due IDs and a JSON value per grant, read and written without atomicity. */
const naiveTrips = async (url: string): Promise<number> => {
  const redis = connectRedis(url, { commandTimeoutMs: 10_000 });
  const prefix = uniquePrefix();
  const due = `${prefix}naive:due`;
  await waitUntilReady(redis, 5000);
  for (let i = 0; i < GRANTS; i += 500) {
    const batch = Array.from({ length: Math.min(500, GRANTS - i) }, (_, j) => i + j);
    await redis.zadd(due, ...batch.flatMap((n) => ['1', `g${n}`]));
    await redis.mset(
      ...batch.flatMap((n) => [`${prefix}naive:g${n}`, JSON.stringify({ n, state: 'active' })]),
    );
  }
  const counter = countCommands(redis);
  let done = 0;
  while (done < GRANTS) {
    const ids = await redis.zrangebyscore(due, '-inf', '2', 'LIMIT', '0', '100');
    for (const id of ids) {
      const record = JSON.parse((await redis.get(`${prefix}naive:${id}`)) ?? '{}') as Record<string, unknown>;
      await redis.set(`${prefix}naive:${id}`, JSON.stringify({ ...record, state: 'ended' }));
      await redis.zrem(due, id);
      done += 1;
    }
  }
  const trips = counter.count() / GRANTS;
  redis.disconnect();
  return trips;
};

export async function benchGrants(): Promise<BenchResult[]> {
  const server = await startPrivateRedis();
  try {
    const ours = await lateness(server.url);
    const floor = await timerBaseline();
    const naive = await naiveTrips(server.url);
    return [
      {
        name: `grants: expiry lateness p50, ${GRANTS} grants ending within ${SPREAD_MS / 1000} s`,
        value: round(ours.p50),
        unit: 'ms',
        baseline: round(floor.p50),
      },
      {
        name: `grants: expiry lateness p99, ${GRANTS} grants ending within ${SPREAD_MS / 1000} s`,
        value: round(ours.p99),
        unit: 'ms',
        baseline: round(floor.p99),
        ratio: round(ours.p99 / Math.max(1, floor.p99), 2),
      },
      {
        name: 'grants: Redis round trips per revoke',
        value: round(ours.trips, 2),
        unit: 'commands',
        baseline: round(naive, 2),
        ratio: round(ours.trips / naive, 2),
      },
    ];
  } finally {
    await server.stop();
  }
}

const runAlone = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (runAlone) printTable(await benchGrants());
