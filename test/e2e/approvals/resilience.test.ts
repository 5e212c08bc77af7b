/** Approvals survive a bot restart and a Redis restart; a Redis outage at the click is a kind message, not a crash. */
import type { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { connectRedis, createRedisApprovalStore } from '../../../src/approvals/redis-store.js';
import type { ApprovalStore } from '../../../src/approvals/store.js';
import { PEOPLE } from '../../support/app.js';
import { type PrivateRedis, startPrivateRedis } from '../../support/redis.js';
import { waitFor } from '../../support/wait.js';
import { approvalPolicy, type Cluster, startCluster } from './cluster.js';
import { click, disableMutations, lastCardText, openHome, request, toldAbout } from './flow.js';

let redis: PrivateRedis;
const clients: Redis[] = [];
beforeAll(async () => {
  redis = await startPrivateRedis({ persistence: true });
});
afterAll(async () => {
  for (const c of clients) c.disconnect();
  await redis.stop();
});

/** A fresh connection and store on `prefix`, as a (re)started bot would open them. */
const storeOn = (prefix: string): { store: ApprovalStore; client: Redis } => {
  const client = connectRedis(redis.url);
  clients.push(client);
  return { store: createRedisApprovalStore({ redis: client, prefix }), client };
};

const ready = (client: Redis) =>
  waitFor(async () => client.status === 'ready' && (await client.ping()) === 'PONG', {
    timeoutMs: 10_000,
    message: 'the Redis client to reconnect',
  });

describe('approvals across restarts (Redis with persistence)', () => {
  let c: Cluster | undefined;
  afterEach(async () => {
    await c?.stop();
    c = undefined;
  });

  it('a request made on one bot instance is approved on a new instance after a restart: exactly one mutation', async () => {
    const prefix = `${redis.prefix}restart:`;
    const cl = await startCluster({ store: storeOn(prefix).store, policy: approvalPolicy(1) });
    c = cl;
    const { id } = await request(cl, 'r1@example.com');
    await cl.stopInstance(0);
    const b = await cl.addInstance({ store: storeOn(prefix).store });
    expect(cl.instances.indexOf(b)).toBe(1);
    await click(cl, PEOPLE.admin, 'approval_approve', id, 1);
    await waitFor(() => lastCardText(cl).includes('done'));
    const second = await click(cl, PEOPLE.admin2, 'approval_approve', id, 1);
    expect(await toldAbout(cl, second)).toContain('decided');
    expect(disableMutations(cl)).toHaveLength(1);
    expect(cl.audit.filter((e) => e.approvalId === id && e.type === 'executed')).toHaveLength(1);
  });

  it('a pending request survives a Redis restart and can be approved afterwards', async () => {
    const { store, client } = storeOn(`${redis.prefix}redis-restart:`);
    const cl = await startCluster({ store, policy: approvalPolicy(1) });
    c = cl;
    const { id } = await request(cl, 'r2@example.com');
    await redis.restart();
    await ready(client);
    expect((await store.get(id))?.state).toBe('pending');
    await click(cl, PEOPLE.admin, 'approval_approve', id);
    await waitFor(() => disableMutations(cl).length === 1);
    await waitFor(() => lastCardText(cl).includes('done'));
    expect((await store.get(id))?.state).toBe('executed');
  });

  it('with Redis down the approver is told so at the click and on the Home tab, nothing runs, and approving works once Redis is back', async () => {
    const { store, client } = storeOn(`${redis.prefix}redis-down:`);
    const cl = await startCluster({ store, policy: approvalPolicy(1) });
    c = cl;
    const { id } = await request(cl, 'r3@example.com');
    await redis.kill();
    const clicked = await click(cl, PEOPLE.admin, 'approval_approve', id);
    const told = await toldAbout(cl, clicked, { timeoutMs: 8000 });
    expect(told).toContain('Approvals are unavailable for a moment');
    expect(disableMutations(cl)).toHaveLength(0);
    const home = JSON.stringify(await openHome(cl, PEOPLE.admin));
    expect(home).toContain('Approvals are unavailable for a moment');
    await redis.restart();
    await ready(client);
    expect((await store.get(id))?.state).toBe('pending');
    await click(cl, PEOPLE.admin, 'approval_approve', id);
    await waitFor(() => disableMutations(cl).length === 1);
    await waitFor(() => lastCardText(cl).includes('done'));
    expect(cl.audit.filter((e) => e.approvalId === id && e.type === 'executed')).toHaveLength(1);
  });

  it('refuses to run an approved request when the requester lost the right since asking: failed, audited, told, card updated', async () => {
    const prefix = `${redis.prefix}lost-right:`;
    const cl = await startCluster({ store: storeOn(prefix).store, policy: approvalPolicy(1) });
    c = cl;
    const { id } = await request(cl, 'r4@example.com');
    // The policy changes (support removed) and the bot restarts before an admin approves.
    await cl.stopInstance(0);
    await cl.addInstance({
      store: storeOn(prefix).store,
      policy: approvalPolicy(1, { supportMember: false }),
    });
    await click(cl, PEOPLE.admin, 'approval_approve', id, 1);
    await waitFor(() => lastCardText(cl).includes('failed'));
    expect(lastCardText(cl)).toContain('permission.denied');
    expect(disableMutations(cl)).toHaveLength(0);
    const failed = cl.audit.filter((e) => e.approvalId === id && e.type === 'failed');
    expect(failed).toHaveLength(1);
    expect(failed[0]?.errorCode).toBe('permission.denied');
    expect(cl.audit.some((e) => e.approvalId === id && e.type === 'executed')).toBe(false);
    const dm = await waitFor(() =>
      cl.slack
        .messagesIn(cl.slack.dmChannelFor(PEOPLE.support))
        .map((m) => JSON.stringify(m.args))
        .find((t) => t.includes('failed')),
    );
    expect(dm).toContain('no longer have the right');
    expect(dm).toContain('`user.disable`');
    const record = await storeOn(prefix).store.get(id);
    expect(record?.state).toBe('failed');
    expect(record?.result?.errorCode).toBe('permission.denied');
  });
});
