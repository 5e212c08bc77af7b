/**
 * Without `chat:write.public` the bot must be invited to the approvals channel (RULES.md: not_in_channel,
 * is_archived). When the card cannot be posted, nothing waits for approval: the request is withdrawn, the requester
 * is told what to do about it, and the attempt is audited.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMemoryApprovalStore } from '../../../src/approvals/memory-store.js';
import type { ApprovalStore } from '../../../src/approvals/store.js';
import { AppError } from '../../../src/errors.js';
import { CHANNELS, PEOPLE } from '../../support/app.js';
import { approvalPolicy, type Cluster, startCluster } from '../approvals/cluster.js';
import { askAndConfirm, disableMutations, request, slash } from '../approvals/flow.js';

let c: Cluster;
let store: ApprovalStore;
let storeDown = false;
beforeAll(async () => {
  const memory = createMemoryApprovalStore();
  store = {
    ...memory,
    create: (record) =>
      storeDown
        ? Promise.reject(new AppError('store.unavailable', 'Approvals are unavailable for a moment.'))
        : memory.create(record),
  };
  c = await startCluster({ store, policy: approvalPolicy(1) });
});
afterAll(async () => c.stop());

const ask = (email: string) => {
  c.authgear.store.addUser({ email });
  return askAndConfirm(c, PEOPLE.support, `disable ${email} left the company`);
};

describe('an approvals channel the bot cannot post to', () => {
  it('withdraws the request, tells the requester to invite the bot, audits the attempt; nothing can be approved', async () => {
    c.slack.setBotMember(CHANNELS.approvals, false);
    c.slack.expectRefusal({
      method: 'chat.postMessage',
      error: 'not_in_channel',
      channel: CHANNELS.approvals,
    });
    try {
      const answer = JSON.stringify(await ask('uninvited@example.com'));
      expect(answer).toContain(`the bot is not in <#${CHANNELS.approvals}>`);
      expect(answer).toContain('/invite @');
      expect(answer).toContain('nothing waits for approval');
    } finally {
      c.slack.setBotMember(CHANNELS.approvals, true);
    }
    expect(c.slack.messagesIn(CHANNELS.approvals)).toEqual([]);
    expect(await store.listPending({ limit: 10 })).toEqual([]);
    expect(await store.listByRequester(PEOPLE.support, 10)).toEqual([]);
    const listed = JSON.stringify(await slash(c, PEOPLE.admin, 'approvals'));
    expect(listed).toContain('Nothing waits on your approval');
    expect(listed).not.toContain('uninvited@example.com');
    const failed = c.audit.find((e) => e.type === 'failed' && e.summary.includes('uninvited@example.com'));
    expect(failed).toMatchObject({ action: 'user.disable', errorCode: 'slack.cannot_post' });
    expect(c.audit.some((e) => e.type === 'requested' && e.summary.includes('uninvited'))).toBe(false);
    expect(disableMutations(c)).toHaveLength(0);
  });

  it('says the channel is archived when it is', async () => {
    c.slack.archiveChannel(CHANNELS.approvals);
    c.slack.expectRefusal({ method: 'chat.postMessage', error: 'is_archived' });
    try {
      expect(JSON.stringify(await ask('archived@example.com'))).toContain('is archived');
    } finally {
      c.slack.archiveChannel(CHANNELS.approvals, false);
    }
    expect(await store.listPending({ limit: 10 })).toEqual([]);
  });

  it('says the bot cannot see a private approvals channel it was not invited to', async () => {
    const hidden = await startCluster({
      store: createMemoryApprovalStore(),
      policy: approvalPolicy(1).replace(`approvals: ${CHANNELS.approvals}`, 'approvals: G0APPROVERS'),
    });
    try {
      hidden.slack.addChannel({ id: 'G0APPROVERS', name: 'approvers', botMember: false });
      hidden.slack.expectRefusal({
        method: 'chat.postMessage',
        error: 'channel_not_found',
        channel: 'G0APPROVERS',
      });
      hidden.authgear.store.addUser({ email: 'hidden@example.com' });
      const answer = JSON.stringify(
        await askAndConfirm(hidden, PEOPLE.support, 'disable hidden@example.com left the company'),
      );
      expect(answer).toContain('the bot cannot see <#G0APPROVERS>');
      expect(hidden.audit.some((e) => e.type === 'failed' && e.errorCode === 'slack.cannot_post')).toBe(true);
    } finally {
      await hidden.stop();
    }
  });

  it('takes the card down again when the request cannot be stored', async () => {
    storeDown = true;
    try {
      expect(JSON.stringify(await ask('unstored@example.com'))).toContain('unavailable');
    } finally {
      storeDown = false;
    }
    const posted = c.slack
      .messagesIn(CHANNELS.approvals)
      .find((m) => JSON.stringify(m.args).includes('unstored'));
    const deleted = c.slack.callsTo('chat.delete').filter((d) => d.ok);
    expect(deleted.map((d) => d.args.ts)).toContain(posted?.response.ts);
  });

  it('works again once the bot is invited', async () => {
    const { id } = await request(c, 'invited@example.com');
    expect((await store.get(id))?.card?.channel).toBe(CHANNELS.approvals);
  });
});
