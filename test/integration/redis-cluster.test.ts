/**
 * The Redis code on a real 3-master Redis Cluster (REDIS_CLUSTER_NODES through ioredis's Cluster client): every
 * script and command touches one hash slot, so approvals, the audit outbox and the audit-stream lock work there
 * exactly as on one server. Skipped, saying so, only when redis-cli is not installed (.ci/run installs it).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newApprovalId } from '../../src/approvals/ids.js';
import { newApprovalRecord } from '../../src/approvals/record.js';
import { createRedisApprovalStore } from '../../src/approvals/redis-store.js';
import { createAuditWebClient, createOutboxAuditSink } from '../../src/audit/delivery.js';
import type { AuditEvent } from '../../src/audit/event.js';
import { createRedisOutbox } from '../../src/audit/redis-outbox.js';
import { anchorAt, createRedisStreamState, createStreamLock } from '../../src/audit/stream-state.js';
import { loadConfig } from '../../src/config/env.js';
import { createLogger } from '../../src/logger.js';
import { connectRedisTarget, type RedisClient } from '../../src/redis/client.js';
import { ADMIN3, approvalPolicy, type Cluster, startCluster } from '../e2e/approvals/cluster.js';
import { approveFiftyTimes, disableMutations, request } from '../e2e/approvals/flow.js';
import { startSlackFake } from '../fakes/slack/index.js';
import { PEOPLE } from '../support/app.js';
import { approvalRequest } from '../support/approvals.js';
import { makeAdminKey, minimalEnv } from '../support/keys.js';
import { uniquePrefix } from '../support/redis.js';
import { hasRedisCli, type RedisClusterServer, startRedisCluster } from '../support/redis-cluster.js';
import { waitFor } from '../support/wait.js';

const available = hasRedisCli();
if (!available)
  process.stderr.write(
    'Redis Cluster tests skipped: redis-cli is not on PATH (apt-get install redis-tools)\n',
  );

const logger = createLogger({ level: 'silent', destination: { write: () => undefined } });

describe.skipIf(!available)(
  `Redis Cluster, 3 masters${available ? '' : ' (skipped: redis-cli not on PATH)'}`,
  () => {
    let server: RedisClusterServer;
    const clients: RedisClient[] = [];

    /** A client as main.ts makes one from REDIS_CLUSTER_NODES, once it is ready. */
    const connect = async (): Promise<RedisClient> => {
      const key = makeAdminKey();
      const config = loadConfig(minimalEnv(key, { REDIS_CLUSTER_NODES: server.nodesVariable }));
      const client = connectRedisTarget(config.redis.target);
      if (!client) throw new Error('no client for the cluster target');
      clients.push(client);
      await waitFor(() => client.status === 'ready', { timeoutMs: 10_000, message: 'cluster client ready' });
      return client;
    };

    beforeAll(async () => {
      server = await startRedisCluster();
    }, 60_000);
    afterAll(async () => {
      for (const c of clients) c.disconnect();
      await server?.stop();
    });

    it('really is a cluster: a script over keys in two slots is refused with CROSSSLOT', async () => {
      const redis = await connect();
      await expect(
        redis.eval("return redis.call('MSET', KEYS[1], 1, KEYS[2], 2)", 2, 'a', 'b'),
      ).rejects.toThrow(/CROSSSLOT/);
    });

    it('spreads approval records over all three masters and runs every transition there', async () => {
      const redis = await connect();
      const store = createRedisApprovalStore({ redis, prefix: uniquePrefix() });
      const now = new Date();
      const records = await Promise.all(
        Array.from({ length: 30 }, () =>
          store.create(newApprovalRecord(approvalRequest(), { id: newApprovalId(), now, ttlMs: 3_600_000 })),
        ),
      );
      const admin = server.client();
      clients.push(admin);
      await waitFor(() => admin.status === 'ready');
      const sizes = await Promise.all(admin.nodes('master').map((node) => node.dbsize()));
      expect(sizes).toHaveLength(3);
      expect(sizes.every((n) => n > 0)).toBe(true);

      const [first, second, third] = records;
      if (!first || !second || !third) throw new Error('records missing');
      const approved = await store.approve(first.id, { userId: 'UADMIN', now, leaseMs: 60_000 });
      expect(approved.kind).toBe('execute');
      if (approved.kind !== 'execute') return;
      const done = await store.complete(first.id, {
        claim: approved.claim,
        result: { ok: true, message: 'done' },
        now,
      });
      expect(done).toMatchObject({ kind: 'completed', record: { state: 'executed' } });
      expect(await store.reject(second.id, { userId: 'UADMIN', reason: 'no', now })).toMatchObject({
        kind: 'rejected',
      });
      expect(await store.cancel(third.id, { userId: 'UREQ', now })).toMatchObject({ kind: 'cancelled' });
      expect((await store.listPending({ limit: 100, now })).length).toBe(27);
      expect((await store.listByRequester('UREQ', 100)).length).toBe(30);
      const swept = await store.sweep(new Date(now.getTime() + 2 * 3_600_000), 100);
      expect(swept.map((r) => r.state).every((s) => s === 'expired')).toBe(true);
      expect(swept).toHaveLength(27);
    });

    describe('50 concurrent approvals across 3 app instances, each with its own cluster client', () => {
      let c: Cluster;
      beforeAll(async () => {
        const prefix = uniquePrefix();
        const store = async () => createRedisApprovalStore({ redis: await connect(), prefix });
        c = await startCluster({ store: await store(), policy: approvalPolicy(1) });
        await c.addInstance({ store: await store() });
        await c.addInstance({ store: await store() });
      });
      afterAll(async () => c?.stop());

      it('runs the approved action exactly once', async () => {
        const { id } = await request(c, 'cluster-race@example.com');
        await approveFiftyTimes(c, id, [PEOPLE.admin, PEOPLE.admin2, ADMIN3]);
        expect(disableMutations(c)).toHaveLength(1);
        expect(c.audit.filter((e) => e.approvalId === id && e.type === 'executed')).toHaveLength(1);
      });
    });

    it('keeps the audit outbox in order and delivers every event once while two replicas contend for its lock', async () => {
      const slack = await startSlackFake({ channels: [{ id: 'C0AUDIT', name: 'audit' }] });
      try {
        const prefix = uniquePrefix();
        const event = (n: number): AuditEvent => ({
          id: `evt${n}`,
          type: 'executed',
          at: new Date().toISOString(),
          actor: { userId: 'U0ALICE' },
          action: 'user.disable',
          actionKey: 'disable',
          summary: `Disabled user ${n}`,
        });
        const replica = async () => {
          const outbox = createRedisOutbox({ redis: await connect(), prefix, lockTtlMs: 2000 });
          const sink = createOutboxAuditSink({
            outbox,
            client: createAuditWebClient('xoxb-test', { slackApiUrl: slack.apiUrl }),
            channel: 'C0AUDIT',
            logger,
            minIntervalMs: 5,
            idlePollMs: 30,
            lockRenewMs: 500,
          });
          return { outbox, sink };
        };
        const a = await replica();
        const b = await replica();
        for (let i = 1; i <= 40; i++) await (i % 2 ? a : b).sink.record(event(i));
        expect(await a.outbox.depth?.()).toBeGreaterThan(0);
        a.sink.start();
        b.sink.start();
        await waitFor(async () => (await a.outbox.depth?.()) === 0, {
          timeoutMs: 10_000,
          message: 'outbox drained',
        });
        await a.sink.stop();
        await b.sink.stop();
        const delivered = slack
          .messagesIn('C0AUDIT')
          .flatMap((m) => [...JSON.stringify(m.args.blocks).matchAll(/event `(evt\d+)`/g)].map((x) => x[1]));
        expect(delivered).toEqual(Array.from({ length: 40 }, (_, i) => `evt${i + 1}`));
      } finally {
        await slack.close();
      }
    });

    it('lets only the audit-stream lock holder move the cursor (a two-key script in one slot)', async () => {
      const prefix = uniquePrefix();
      const [r1, r2] = [await connect(), await connect()];
      const holder = createStreamLock(r1, prefix, 5000);
      const other = createStreamLock(r2, prefix, 5000);
      const state = createRedisStreamState(r1, prefix);
      expect(await holder.acquire()).toBe(true);
      expect(await other.acquire()).toBe(false);
      const anchor = anchorAt('2030-01-01T00:00:00.000Z', '');
      expect(await state.save(anchor, holder)).toBe(true);
      expect(await createRedisStreamState(r2, prefix).save({ ...anchor, since: 'later' }, other)).toBe(false);
      expect(await state.load()).toEqual(anchor);
      await holder.release();
      expect(await other.acquire()).toBe(true);
    });
  },
);
