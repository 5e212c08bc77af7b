import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMemoryApprovalStore } from '../../../src/approvals/memory-store.js';
import { connectRedis, createRedisApprovalStore } from '../../../src/approvals/redis-store.js';
import type { ApprovalStore } from '../../../src/approvals/store.js';
import { CHANNELS, PEOPLE } from '../../support/app.js';
import { type PrivateRedis, startPrivateRedis } from '../../support/redis.js';
import { waitFor } from '../../support/wait.js';
import { ADMIN3, approvalPolicy, type Cluster, startCluster } from './cluster.js';
import { approveFiftyTimes, click, disableMutations, lastCardText, request, toldAbout } from './flow.js';

type Json = Record<string, unknown>;

let redis: PrivateRedis;
const clients: Array<{ quit(): Promise<unknown> }> = [];
beforeAll(async () => {
  redis = await startPrivateRedis();
});
afterAll(async () => {
  for (const c of clients) await c.quit();
  await redis.stop();
});

const makeStore = (kind: 'memory' | 'redis'): ApprovalStore => {
  if (kind === 'memory') return createMemoryApprovalStore();
  const client = connectRedis(redis.url);
  clients.push(client);
  return createRedisApprovalStore({ redis: client, prefix: `${redis.prefix}${Math.random()}:` });
};

describe.each(['memory', 'redis'] as const)('approvals with the %s store', (kind) => {
  let c: Cluster;
  beforeAll(async () => {
    c = await startCluster({ store: makeStore(kind), policy: approvalPolicy(1) });
  });
  afterAll(async () => c.stop());

  it('posts a card and sends nothing to Authgear until another admin approves; then exactly one mutation', async () => {
    const { id, card } = await request(c, 'a1@example.com');
    expect(JSON.stringify(card)).toContain('a1@example.com');
    expect(disableMutations(c)).toHaveLength(0);
    expect(c.audit.map((e) => e.type)).toContain('requested');
    await click(c, PEOPLE.admin, 'approval_approve', id);
    await waitFor(() => disableMutations(c).length === 1);
    await waitFor(() => lastCardText(c).includes('done'));
    expect(lastCardText(c)).toContain(PEOPLE.admin);
    // Authgear's own audit log names the requester, the approval and who approved it.
    expect(disableMutations(c)[0]?.jwt.claims.audit_context).toMatchObject({
      actor_type: 'slack',
      slack_user_id: PEOPLE.support,
      approval_id: id,
      approved_by: [PEOPLE.admin],
    });
    const dms = c.slack.messagesIn(c.slack.dmChannelFor(PEOPLE.support));
    await waitFor(
      () => dms.length > 0 || c.slack.messagesIn(c.slack.dmChannelFor(PEOPLE.support)).length > 0,
    );
    const late = await click(c, PEOPLE.admin2, 'approval_approve', id);
    expect(await toldAbout(c, late)).toContain('decided');
    expect(disableMutations(c)).toHaveLength(1);
    expect(c.audit.filter((e) => e.approvalId === id).map((e) => e.type)).toEqual(
      expect.arrayContaining(['requested', 'approved', 'executed']),
    );
    const links = c.audit.filter((e) => e.approvalId === id).map((e) => e.approvalLink);
    expect(links.every((l) => l?.startsWith('https://') && l.includes(CHANNELS.approvals))).toBe(true);
  });

  it("refuses the requester's own approval with an ephemeral message and executes nothing", async () => {
    const { id } = await request(c, 'a2@example.com');
    const before = disableMutations(c).length;
    const own = await click(c, PEOPLE.support, 'approval_approve', id);
    expect(await toldAbout(c, own)).toContain('your own request');
    expect(disableMutations(c)).toHaveLength(before);
  });

  it('rejects with a reason from the modal: card updated, requester told, nothing executed', async () => {
    const { id } = await request(c, 'a3@example.com');
    const before = disableMutations(c).length;
    await click(c, PEOPLE.admin, 'approval_reject', id);
    const opened = await waitFor(() => c.slack.callsTo('views.open').at(-1));
    const view = opened.args.view as Json;
    await c.instances[0]?.driver.viewSubmission({
      userId: PEOPLE.admin,
      callbackId: 'approval_reject_modal',
      privateMetadata: String(view.private_metadata),
      values: { reason: { reason: { type: 'plain_text_input', value: 'not <b>now</b>' } } },
    });
    await waitFor(() => lastCardText(c).includes('Rejected'));
    expect(lastCardText(c)).toContain('not &lt;b&gt;now&lt;/b&gt;');
    const dm = await waitFor(() =>
      c.slack
        .messagesIn(c.slack.dmChannelFor(PEOPLE.support))
        .map((m) => JSON.stringify(m.args))
        .find((t) => t.includes('rejected') && t.includes('a3@example.com')),
    );
    expect(dm).toContain(`<@${PEOPLE.admin}>`);
    expect(dm).toContain('Reason: not &lt;b&gt;now&lt;/b&gt;');
    const late = await click(c, PEOPLE.admin2, 'approval_approve', id);
    expect(await toldAbout(c, late)).toContain('decided');
    expect(disableMutations(c)).toHaveLength(before);
    expect(c.audit.some((e) => e.approvalId === id && e.type === 'rejected')).toBe(true);
  });

  it('approves with a comment from the modal: shown on the card, the action runs once', async () => {
    const { id } = await request(c, 'commented@example.com');
    const before = disableMutations(c).length;
    await click(c, PEOPLE.admin, 'approval_approve_comment', id);
    const opened = await waitFor(() =>
      c.slack.callsTo('views.open').find((call) => JSON.stringify(call.args).includes(id)),
    );
    const view = opened.args.view as Json;
    expect(view.callback_id).toBe('approval_approve_modal');
    expect(disableMutations(c)).toHaveLength(before);
    await c.instances[0]?.driver.viewSubmission({
      userId: PEOPLE.admin,
      callbackId: 'approval_approve_modal',
      privateMetadata: String(view.private_metadata),
      values: { comment: { comment: { type: 'plain_text_input', value: 'checked with *HR* <!here>' } } },
    });
    await waitFor(() => disableMutations(c).length === before + 1);
    await waitFor(() => lastCardText(c).includes('done'));
    expect(lastCardText(c)).toContain('&lt;!here&gt;');
    expect(lastCardText(c)).not.toContain('<!here>');
    const approved = c.audit.find((e) => e.approvalId === id && e.type === 'approved');
    // The approver's text is their comment; the requester's reason stays the reason.
    expect(approved?.comment).toBe('checked with *HR* <!here>');
    expect(approved?.reason).toBeUndefined();
  });

  it('answers a reason form submitted after the request was decided inside the form, deciding nothing', async () => {
    const { id } = await request(c, 'decided-meanwhile@example.com');
    await click(c, PEOPLE.admin, 'approval_reject', id);
    const opened = await waitFor(() =>
      c.slack.callsTo('views.open').find((call) => JSON.stringify(call.args).includes(id)),
    );
    const view = opened.args.view as Json;
    await click(c, PEOPLE.admin2, 'approval_approve', id);
    await waitFor(() => lastCardText(c).includes('done'));
    const submitted = await c.instances[0]?.driver.viewSubmission({
      userId: PEOPLE.admin,
      callbackId: 'approval_reject_modal',
      privateMetadata: String(view.private_metadata),
      values: { reason: { reason: { type: 'plain_text_input', value: 'too late' } } },
    });
    expect(submitted?.json).toMatchObject({ response_action: 'update', view: { type: 'modal' } });
    expect(JSON.stringify(submitted?.json)).toContain('already been decided');
    expect(c.audit.some((e) => e.approvalId === id && e.type === 'rejected')).toBe(false);
  });

  it('lets the requester cancel, and then nobody can approve', async () => {
    const { id } = await request(c, 'a4@example.com');
    await click(c, PEOPLE.support, 'approval_cancel', id);
    await waitFor(() => lastCardText(c).includes('Cancelled'));
    const late = await click(c, PEOPLE.admin, 'approval_approve', id);
    expect(await toldAbout(c, late)).toContain('decided');
    expect(disableMutations(c).filter((r) => JSON.stringify(r.variables).includes('a4'))).toHaveLength(0);
  });

  it('expires an undecided request through the sweeper', async () => {
    const { id } = await request(c, 'a5@example.com');
    c.advance(2 * 3_600_000);
    const moved = await c.instances[0]?.approvals.sweep();
    expect(moved).toBeGreaterThanOrEqual(1);
    await waitFor(() => lastCardText(c).includes('Expired'));
    expect(c.audit.some((e) => e.approvalId === id && e.type === 'expired')).toBe(true);
    c.advance(-2 * 3_600_000);
  });
});

describe('2 of 3 approvers', () => {
  let c: Cluster;
  beforeAll(async () => {
    c = await startCluster({ store: makeStore('redis'), policy: approvalPolicy(2) });
  });
  afterAll(async () => c.stop());

  it('executes only after the second distinct approval', async () => {
    const { id } = await request(c, 'b1@example.com');
    const first = await click(c, PEOPLE.admin, 'approval_approve', id);
    expect(await toldAbout(c, first)).toContain('1 more needed');
    const again = await click(c, PEOPLE.admin, 'approval_approve', id);
    expect(await toldAbout(c, again)).toContain('already');
    expect(disableMutations(c)).toHaveLength(0);
    await click(c, ADMIN3, 'approval_approve', id);
    await waitFor(() => disableMutations(c).length === 1);
    await waitFor(() => lastCardText(c).includes('done'));
  });
});

describe('three replicas sharing one Redis', () => {
  let c: Cluster;
  beforeAll(async () => {
    c = await startCluster({ store: makeStore('redis'), policy: approvalPolicy(1), instances: 3 });
  });
  afterAll(async () => c.stop());

  it('turns 50 concurrent Approve clicks into exactly one mutation', async () => {
    const { id } = await request(c, 'c1@example.com');
    await approveFiftyTimes(c, id, [PEOPLE.admin, PEOPLE.admin2, ADMIN3]);
    expect(disableMutations(c)).toHaveLength(1);
    expect(c.audit.filter((e) => e.approvalId === id && e.type === 'executed')).toHaveLength(1);
  });
});
