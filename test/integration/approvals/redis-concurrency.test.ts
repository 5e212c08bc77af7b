import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newApprovalId } from '../../../src/approvals/ids.js';
import { newApprovalRecord } from '../../../src/approvals/record.js';
import { connectRedis, createRedisApprovalStore } from '../../../src/approvals/redis-store.js';
import type { ApprovalStore, ApproveOutcome } from '../../../src/approvals/store.js';
import { approvalRequest } from '../../support/approvals.js';
import { type PrivateRedis, startPrivateRedis, uniquePrefix } from '../../support/redis.js';

const T0 = new Date('2030-01-01T00:00:00.000Z');
const HOUR = 3_600_000;
const LEASE = 300_000;

const request = (required: number) => approvalRequest({ required });

/** Three replicas: three connections and three store objects over one Redis and one prefix. */
describe('approvals across three replicas sharing one Redis', () => {
  let server: PrivateRedis;
  let connections: Redis[];
  let replicas: ApprovalStore[];

  beforeAll(async () => {
    server = await startPrivateRedis();
    const prefix = uniquePrefix();
    connections = [0, 1, 2].map(() => connectRedis(server.url));
    replicas = connections.map((redis) => createRedisApprovalStore({ redis, prefix }));
  });
  afterAll(async () => {
    await Promise.all(replicas.map((store) => store.close()));
    await server.stop();
  });

  /** Fresh replicas over the same connections, so the sweep below sees only its own records. */
  const isolatedReplicas = (): ApprovalStore[] => {
    const prefix = uniquePrefix();
    return connections.map((redis) => createRedisApprovalStore({ redis, prefix }));
  };

  const replica = (i: number): ApprovalStore => replicas[i % replicas.length] as ApprovalStore;
  const create = async (required: number, now = T0) => {
    const record = newApprovalRecord(request(required), { id: newApprovalId(), now, ttlMs: HOUR });
    return replica(0).create(record);
  };

  it('hands execute to exactly one of 50 concurrent approvers of a 1-of-1 request and refuses the rest as closed', async () => {
    const { id } = await create(1);
    const approvers = Array.from({ length: 50 }, (_, i) => `UAPPROVER${i}`);
    const outcomes = await Promise.all(
      approvers.map((userId, i) =>
        replica(i).approve(id, { userId, now: new Date(T0.getTime() + 1), leaseMs: LEASE }),
      ),
    );
    const executes = outcomes.filter(
      (o): o is Extract<ApproveOutcome, { kind: 'execute' }> => o.kind === 'execute',
    );
    expect(executes).toHaveLength(1);
    const others = outcomes.filter((o) => o.kind !== 'execute');
    expect(others).toHaveLength(49);
    for (const other of others) expect(other).toMatchObject({ kind: 'refused', reason: 'closed' });

    // The stored record names exactly one approval: the winner's, whose claim is the executor.
    const winner = executes[0];
    const winnerId = approvers[outcomes.indexOf(winner as ApproveOutcome)];
    const stored = await replica(1).get(id);
    expect(stored?.state).toBe('executing');
    expect(stored?.approvals.map((a) => a.userId)).toEqual([winnerId]);
    expect(stored?.executor).toBe(winner?.claim);
    expect(stored?.revision).toBe(2);
  });

  it('reaches execute once when 30 approvers race on a 3-of-N request, counting each approver once', async () => {
    const { id } = await create(3);
    const approvers = Array.from({ length: 30 }, (_, i) => `URACE${i % 10}`); // each of 10 people clicks 3 times
    const outcomes = await Promise.all(
      approvers.map((userId, i) =>
        replica(i).approve(id, { userId, now: new Date(T0.getTime() + 1), leaseMs: LEASE }),
      ),
    );
    const kinds = outcomes.map((o) => (o.kind === 'refused' ? o.reason : o.kind));
    expect(kinds.filter((k) => k === 'execute')).toHaveLength(1);
    expect(kinds.filter((k) => k === 'recorded')).toHaveLength(2);
    expect(kinds.every((k) => ['execute', 'recorded', 'closed', 'duplicate'].includes(k))).toBe(true);
    const stored = await replica(2).get(id);
    expect(stored?.state).toBe('executing');
    expect(new Set(stored?.approvals.map((a) => a.userId)).size).toBe(3);
    expect(stored?.approvals).toHaveLength(3);
  });

  it('returns each of 20 expired records from exactly one of several concurrent sweepers', async () => {
    const sweepers = isolatedReplicas();
    const sweeper = (i: number): ApprovalStore => sweepers[i % sweepers.length] as ApprovalStore;
    const created = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        sweeper(i).create(newApprovalRecord(request(1), { id: newApprovalId(), now: T0, ttlMs: HOUR })),
      ),
    );
    const later = new Date(T0.getTime() + HOUR + 1);
    const sweeps = await Promise.all(Array.from({ length: 6 }, (_, i) => sweeper(i).sweep(later, 100)));
    const sweptIds = sweeps.flat().map((r) => r.id);
    expect(sweptIds.sort()).toEqual(created.map((r) => r.id).sort());
    for (const record of sweeps.flat()) expect(record.state).toBe('expired');
    expect(await sweeper(0).sweep(new Date(later.getTime() + 1), 100)).toEqual([]);
  });
});
