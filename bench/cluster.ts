/**
 * Approval decisions per second on a real 3-master Redis Cluster (REDIS_CLUSTER_NODES, ioredis Cluster client)
 * against one redis-server in the same run: the same workload on both, 1-of-1 approves (each a full decision
 * and execution claim) from 3 clients as 3 replicas would, 50 in flight. Needs redis-cli (skipped otherwise).
 * Run alone: `npx tsx bench/cluster.ts`.
 */
import { pathToFileURL } from 'node:url';
import { createRedisApprovalStore } from '../src/approvals/redis-store.js';
import type { ApprovalStore } from '../src/approvals/store.js';
import { connectRedisTarget, type RedisClient, waitUntilReady } from '../src/redis/client.js';
import { startPrivateRedis, uniquePrefix } from '../test/support/redis.js';
import { hasRedisCli, startRedisCluster } from '../test/support/redis-cluster.js';
import { openMany, rate } from './approvals.js';
import { type BenchResult, printTable } from './table.js';

const TOTAL = 6000;
const CONCURRENCY = 50;
const REPLICAS = 3;

const must = (client: RedisClient | undefined): RedisClient => {
  if (!client) throw new Error('no Redis client for the target');
  return client;
};

const decisionsPerSecond = async (connect: () => RedisClient): Promise<number> => {
  const prefix = uniquePrefix();
  const stores: ApprovalStore[] = [];
  for (let i = 0; i < REPLICAS; i++) {
    const redis = connect();
    await waitUntilReady(redis, 10_000);
    stores.push(createRedisApprovalStore({ redis, prefix }));
  }
  try {
    const [first] = stores;
    if (!first) throw new Error('no store');
    const ids = await openMany(first, TOTAL, 1);
    return await rate(TOTAL, CONCURRENCY, (i) =>
      (stores[i % REPLICAS] as ApprovalStore).approve(ids[i] as string, {
        userId: 'UAPPROVER',
        now: new Date(),
        leaseMs: 300_000,
      }),
    );
  } finally {
    for (const s of stores) await s.close();
  }
};

export async function benchCluster(): Promise<BenchResult[]> {
  if (!hasRedisCli()) {
    process.stderr.write('bench cluster: skipped, redis-cli is not on PATH\n');
    return [];
  }
  const single = await startPrivateRedis();
  const cluster = await startRedisCluster();
  try {
    const one = await decisionsPerSecond(() => must(connectRedisTarget({ kind: 'url', url: single.url })));
    const three = await decisionsPerSecond(() =>
      must(connectRedisTarget({ kind: 'cluster', nodes: cluster.nodes })),
    );
    return [
      {
        name: `approvals: approve 1-of-1 on a 3-master Redis Cluster, ${REPLICAS} clients, ${CONCURRENCY} in flight`,
        value: Math.round(three),
        unit: 'decisions/s',
        baseline: Math.round(one),
        ratio: Number((three / one).toFixed(2)),
      },
    ];
  } finally {
    await cluster.stop();
    await single.stop();
  }
}

const runAlone = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (runAlone) printTable(await benchCluster());
