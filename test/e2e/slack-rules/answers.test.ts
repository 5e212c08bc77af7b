/**
 * Answers to clicks go through the click's own response_url (RULES.md: chat.postEphemeral fails where the bot is not
 * a member, a response_url works anywhere the interaction happened), so an approver in a DM between people or in a
 * private channel without the bot is told the outcome.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMemoryApprovalStore } from '../../../src/approvals/memory-store.js';
import { PEOPLE } from '../../support/app.js';
import { formShown } from '../../support/views.js';
import { waitFor } from '../../support/wait.js';
import { approvalPolicy, type Cluster, startCluster } from '../approvals/cluster.js';
import { disableMutations, request, toldAbout } from '../approvals/flow.js';

const DM_BETWEEN_PEOPLE = 'D0ADAGRACE';
const PRIVATE_WITHOUT_BOT = 'G0HRONLY';

let c: Cluster;
beforeAll(async () => {
  c = await startCluster({ store: createMemoryApprovalStore(), policy: approvalPolicy(1) });
  c.slack.addChannel({ id: DM_BETWEEN_PEOPLE, name: 'ada-grace' });
  c.slack.addChannel({ id: PRIVATE_WITHOUT_BOT, name: 'hr-only', botMember: false });
});
afterAll(async () => c.stop());

const driver = () => {
  const first = c.instances[0];
  if (!first) throw new Error('no instance');
  return first.driver;
};

/** `/authgear approvals` typed in `channelId`; the list arrives through the command's response_url. */
const listIn = async (userId: string, channelId: string) => {
  const cmd = await driver().slashCommand({ userId, channelId, text: 'approvals' });
  return waitFor(() => c.slack.responsesTo(cmd.responseUrlId ?? '')[0]?.body);
};

describe('an approver who clicks where the bot is not', () => {
  it('approves from a list shown in a DM between two people and is told the outcome there', async () => {
    const { id } = await request(c, 'dm-approve@example.com');
    expect(JSON.stringify(await listIn(PEOPLE.admin, DM_BETWEEN_PEOPLE))).toContain('dm-approve@example.com');
    const clicked = await driver().blockAction({
      userId: PEOPLE.admin,
      actionId: 'approval_approve',
      blockId: `approval_${id}`,
      value: id,
      channelId: DM_BETWEEN_PEOPLE,
    });
    const told = await toldAbout(c, clicked);
    expect(told).toContain('approved and done');
    expect(told).toContain('dm-approve@example.com');
    expect(disableMutations(c)).toHaveLength(1);
    expect(c.slack.callsTo('chat.postEphemeral')).toEqual([]);
  });

  it('rejects with a reason from a private channel without the bot and is told the outcome there', async () => {
    const { id } = await request(c, 'private-reject@example.com');
    const before = c.slack.calls.length;
    const clicked = await driver().blockAction({
      userId: PEOPLE.admin2,
      actionId: 'approval_reject',
      blockId: `approval_${id}`,
      value: id,
      channelId: PRIVATE_WITHOUT_BOT,
    });
    const form = await formShown(c.slack, before);
    await driver().viewSubmission({
      userId: PEOPLE.admin2,
      callbackId: 'approval_reject_modal',
      privateMetadata: String(form.private_metadata),
      values: { reason: { reason: { type: 'plain_text_input', value: 'wrong account' } } },
    });
    const told = await toldAbout(c, clicked);
    expect(told).toContain('rejected');
    expect(told).toContain('private-reject@example.com');
    expect(c.slack.callsTo('chat.postEphemeral')).toEqual([]);
  });

  it('is told a refusal by the same route: the requester approving their own request', async () => {
    const { id } = await request(c, 'dm-own@example.com');
    const clicked = await driver().blockAction({
      userId: PEOPLE.support,
      actionId: 'approval_approve',
      blockId: `approval_mine_${id}`,
      value: id,
      channelId: DM_BETWEEN_PEOPLE,
    });
    expect(await toldAbout(c, clicked)).toContain('your own request');
  });
});
