/**
 * Confirmation claims on a private redis-server: Redis round trips per claim (MONITOR: commands this client sent;
 * the script's own commands run inside Redis and are not round trips), and claims per second sequential and at 50
 * concurrent. The baseline, measured in the same run on the same connection, is a plain `SET key 1 NX PX`: the
 * cheapest claim Redis offers, which could not return the record, say who may claim, or tell "running" from
 * "done". Run alone: `npx tsx bench/confirmations.ts`.
 */
import { pathToFileURL } from 'node:url';
import { newConfirmationId } from '../src/confirmations/ids.js';
import { newConfirmation } from '../src/confirmations/record.js';
import { createRedisConfirmationStore } from '../src/confirmations/redis-store.js';
import type { ConfirmationStore } from '../src/confirmations/store.js';
import { connectRedis, waitUntilReady } from '../src/redis/client.js';
import { startPrivateRedis, uniquePrefix } from '../test/support/redis.js';
import { countCommands } from '../test/support/redis-monitor.js';
import { rate } from './approvals.js';
import { type BenchResult, printTable } from './table.js';

const COUNTED = 500;
const SEQUENTIAL = 3000;
const CONCURRENT_TOTAL = 10_000;
const CONCURRENCY = 50;
const LEASE = 120_000;

const round = (n: number, digits = 2): number => Number(n.toFixed(digits));

/** Stores `count` pending confirmations (not timed) and returns their IDs. */
const createMany = async (store: ConfirmationStore, count: number): Promise<string[]> => {
  const ids: string[] = [];
  for (let i = 0; i < count; i += CONCURRENCY) {
    const batch = Array.from({ length: Math.min(CONCURRENCY, count - i) }, async () => {
      const record = newConfirmation(
        {
          actionKey: 'reset-password',
          input: { userId: 'VXNlcjox', mode: 'generate', expire: false },
          targetUserId: 'VXNlcjox',
          actor: { userId: 'U0SUPPORT' },
          channelId: 'C0OPS',
        },
        { id: newConfirmationId(), now: new Date(), ttlMs: 900_000 },
      );
      await store.create(record);
      return record.id;
    });
    ids.push(...(await Promise.all(batch)));
  }
  return ids;
};

export async function benchConfirmations(): Promise<BenchResult[]> {
  const server = await startPrivateRedis();
  const redis = connectRedis(server.url);
  await waitUntilReady(redis, 5000);
  const store = createRedisConfirmationStore({ redis, prefix: uniquePrefix() });
  const baseKey = `${uniquePrefix()}setnx`;
  try {
    const claim = async (id: string): Promise<void> => {
      const outcome = await store.claim(id, { userId: 'U0SUPPORT', now: new Date(), leaseMs: LEASE });
      if (outcome.kind !== 'claimed') throw new Error(`claim ${id}: ${outcome.kind}`);
    };
    const setNx = async (i: number): Promise<void> => {
      await redis.set(`${baseKey}:${i}`, '1', 'PX', 900_000, 'NX');
    };

    const counted = await createMany(store, COUNTED + 1);
    await claim(counted[0] as string); // warm the script cache (the first call may need EVAL)
    const monitor = await redis.monitor();
    const claimCalls = await countCommands(monitor, redis, async () => {
      for (const id of counted.slice(1)) await claim(id);
    });
    const setNxCalls = await countCommands(monitor, redis, async () => {
      for (let i = 0; i < COUNTED; i++) await setNx(i);
    });
    monitor.disconnect();

    const seqIds = await createMany(store, SEQUENTIAL);
    const seqRate = await rate(SEQUENTIAL, 1, (i) => claim(seqIds[i] as string));
    const seqBaseline = await rate(SEQUENTIAL, 1, (i) => setNx(COUNTED + i));
    const conIds = await createMany(store, CONCURRENT_TOTAL);
    const conRate = await rate(CONCURRENT_TOTAL, CONCURRENCY, (i) => claim(conIds[i] as string));
    const conBaseline = await rate(CONCURRENT_TOTAL, CONCURRENCY, (i) => setNx(COUNTED + SEQUENTIAL + i));

    const perClaim = claimCalls / COUNTED;
    const perSetNx = setNxCalls / COUNTED;
    return [
      {
        name: 'confirmations: Redis round trips per claim (target 1)',
        value: round(perClaim),
        unit: 'round trips',
        baseline: round(perSetNx),
        ratio: round(perClaim / perSetNx),
      },
      {
        name: 'confirmations: claims, sequential',
        value: round(seqRate, 0),
        unit: 'claims/s',
        baseline: round(seqBaseline, 0),
        ratio: round(seqRate / seqBaseline),
      },
      {
        name: `confirmations: claims, ${CONCURRENCY} concurrent`,
        value: round(conRate, 0),
        unit: 'claims/s',
        baseline: round(conBaseline, 0),
        ratio: round(conRate / conBaseline),
      },
    ];
  } finally {
    redis.disconnect();
    await server.stop();
  }
}

const runAlone = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (runAlone) printTable(await benchConfirmations());
