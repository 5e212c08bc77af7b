/**
 * Redis faults around approvals: a key of the wrong type is one corrupt record, skipped (it does not stop the
 * sweeper or the lists); a claimed run whose outcome cannot be stored is said as "it ran, check Authgear"; a click
 * on a request that no longer exists turns its card into a notice without buttons.
 */
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRedisApprovalStore } from '../../../src/approvals/redis-store.js';
import type { ApprovalStore } from '../../../src/approvals/store.js';
import { AppError } from '../../../src/errors.js';
import { CHANNELS, PEOPLE } from '../../support/app.js';
import { type RedisWithClient, startRedisWithClient, uniquePrefix } from '../../support/redis.js';
import { waitFor } from '../../support/wait.js';
import { buttonsOf } from '../account/flow.js';
import { approvalPolicy, type Cluster, startCluster } from './cluster.js';
import { disableMutations, request, toldAbout } from './flow.js';

type Json = Record<string, unknown>;
let r: RedisWithClient;
let redis: Redis;
beforeAll(async () => {
  r = await startRedisWithClient();
  redis = r.redis;
});
afterAll(async () => r.stop());

const text = (v: unknown) => JSON.stringify(v);

/** The card's message in the approvals channel: its ts and what was posted. */
const cardFor = (c: Cluster, email: string) =>
  waitFor(() =>
    c.slack
      .messagesIn(CHANNELS.approvals)
      .find((m) => text(m.args).includes(email) && m.args.ts === undefined),
  );

/** A click on the card message itself (channel, ts and blocks in the payload, as Slack sends them). */
const clickCard = (c: Cluster, userId: string, id: string, card: { args: Json; response: Json }) =>
  c.instances[0]?.driver.blockAction({
    userId,
    actionId: 'approval_approve',
    blockId: 'approval',
    value: id,
    channelId: CHANNELS.approvals,
    message: {
      type: 'message',
      ts: String(card.response.ts),
      text: 'Approval request',
      blocks: card.args.blocks,
    },
  }) ?? Promise.reject(new Error('no instance'));

describe('a key of the wrong type', () => {
  let c: Cluster;
  const prefix = uniquePrefix();
  const corrupt: string[] = [];
  beforeAll(async () => {
    const store = createRedisApprovalStore({
      redis,
      prefix,
      onCorruptRecord: (e) => corrupt.push(String(e.details.approvalId)),
    });
    c = await startCluster({ store, policy: approvalPolicy(1) });
  });
  afterAll(async () => c.stop());

  it('does not stop expiry of other requests, nor the lists', async () => {
    await request(c, 'wt1@example.com');
    await request(c, 'wt2@example.com');
    const bad = 'ap_wrongTypeKey1';
    await redis.set(`${prefix}approval:{${bad}}`, 'not a hash');
    await redis.zadd(`${prefix}approvals:open`, 0, bad);
    await redis.zadd(`${prefix}approvals:requester:${PEOPLE.support}`, Date.now(), bad);
    const service = c.instances[0]?.approvals;
    if (!service) throw new Error('no service');

    expect((await service.requestsBy(PEOPLE.support, 10)).map((r) => r.summary).join()).toContain('wt2');
    c.advance(2 * 3_600_000);
    expect(await service.sweep()).toBe(2);
    c.advance(-2 * 3_600_000);
    expect(corrupt).toContain(bad);
    const expired = c.slack
      .callsTo('chat.update')
      .map((u) => text(u.args))
      .filter((t) => t.includes('Expired'));
    expect(expired.filter((t) => t.includes('wt1@example.com'))).toHaveLength(1);
    expect(expired.filter((t) => t.includes('wt2@example.com'))).toHaveLength(1);
    expect(await redis.zscore(`${prefix}approvals:open`, bad)).toBeNull();
    expect(await service.pendingFor({ userId: PEOPLE.admin, roles: ['admin'] })).toEqual([]);
  });
});

describe('a claimed run whose outcome cannot be stored', () => {
  it('tells the approver it ran and to check Authgear, and redraws the card', async () => {
    const inner = createRedisApprovalStore({ redis, prefix: uniquePrefix() });
    // Redis goes away between the claim and the record of the outcome.
    const store: ApprovalStore = {
      ...inner,
      complete: async () => {
        throw new AppError('store.unavailable', 'Approvals are unavailable for a moment.');
      },
    };
    const c = await startCluster({ store, policy: approvalPolicy(1) });
    try {
      const { id } = await request(c, 'lost-outcome@example.com');
      const card = await cardFor(c, 'lost-outcome@example.com');
      const ts = String(card.response.ts);
      const told = await toldAbout(c, await clickCard(c, PEOPLE.admin, id, card));
      expect(told).toContain('could not be recorded');
      expect(told).toContain('It ran');
      expect(told).toContain('Check Authgear');
      const redrawn = await waitFor(() =>
        c.slack.callsTo('chat.update').find((u) => u.args.ts === ts && text(u.args).includes('done')),
      );
      expect(redrawn.args.channel).toBe(CHANNELS.approvals);
      expect(disableMutations(c)).toHaveLength(1);
      expect(c.audit.filter((e) => e.approvalId === id && e.type === 'executed')).toHaveLength(1);
    } finally {
      await c.stop();
    }
  });
});

describe('a request that no longer exists', () => {
  it('turns the clicked card into a notice with no live buttons', async () => {
    const prefix = uniquePrefix();
    const c = await startCluster({
      store: createRedisApprovalStore({ redis, prefix }),
      policy: approvalPolicy(1),
    });
    try {
      const { id } = await request(c, 'gone@example.com');
      const card = await cardFor(c, 'gone@example.com');
      const ts = String(card.response.ts);
      await redis.del(`${prefix}approval:{${id}}`);
      const clicked = await clickCard(c, PEOPLE.admin, id, card);
      const redrawn = await waitFor(() =>
        c.slack
          .callsTo('chat.update')
          .find((u) => u.args.ts === ts && text(u.args).includes('no longer exists')),
      );
      expect(buttonsOf(redrawn.args as Json)).toEqual([]);
      expect(await toldAbout(c, clicked)).toContain('no longer exists');
      expect(disableMutations(c)).toHaveLength(0);
    } finally {
      await c.stop();
    }
  });
});
