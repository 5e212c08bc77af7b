/**
 * Rights are read fresh for every mutation (what Slack said within FRESH_MS: usergroups.users.list is Tier 2): a
 * person removed from a Slack user group cannot confirm, approve, or have an approved request run on an older
 * membership the bot cached. `subteam_members_changed` drops the cache at once
 * for reads. Under a channel allow-list, a mutation the bot cannot place is refused.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeNodeId } from '../../../src/authgear/node-id.js';
import { actionFormMetadata } from '../../../src/blocks/payloads.js';
import { FRESH_MS } from '../../../src/slack/directory.js';
import { CHANNELS, PEOPLE, startTestApp, type TestApp } from '../../support/app.js';
import { waitFor } from '../../support/wait.js';
import { buttonsOf, confirmValueOf } from '../account/flow.js';

const policy = `
channels: { approvals: ${CHANNELS.approvals}, audit: ${CHANNELS.audit}, commands: [${CHANNELS.ops}] }
roles:
  support: { actions: [user.view, user.disable, user.revoke_sessions] }
  admin: { inherits: [support], actions: ["*"] }
members:
  - { slack_user: ${PEOPLE.admin}, roles: [admin] }
  - { slack_usergroup: S0SUPPORT, roles: [support] }
  - { slack_usergroup: S0APPROVERS, roles: [admin] }
approvals:
  user.revoke_sessions: { approvers: [admin], required: 1, expires_in: 1h }
`;

let t: TestApp;
/** The app's clock runs ahead by this much: a test moves it past FRESH_MS to see a mutation read Slack again. */
let offset = 0;
const pastFresh = () => {
  offset += FRESH_MS + 1;
};
beforeAll(async () => {
  t = await startTestApp({ policy, now: () => new Date(Date.now() + offset) });
});
afterAll(async () => t.stop());

let n = 0;
const newUser = (extra: { sessions?: number } = {}) => {
  n += 1;
  const email = `fresh${n}@example.com`;
  return { email, user: t.authgear.store.addUser({ email, name: `Fresh ${n}`, ...extra }) };
};
const mutations = () => t.authgear.requests.filter((r) => r.query.trimStart().startsWith('mutation'));
const groupLookups = () => t.slack.callsTo('usergroups.users.list').length;
const text = (v: unknown) => JSON.stringify(v);

/** Signed `subteam_members_changed`, as Slack sends it when a user group's members change. */
const membersChanged = async (subteamId: string, removed: string[]) => {
  const body = {
    type: 'event_callback',
    team_id: 'T0AUTHGEAR',
    api_app_id: 'A0AUTHGEAR',
    event: {
      type: 'subteam_members_changed',
      subteam_id: subteamId,
      team_id: 'T0AUTHGEAR',
      date_previous_update: 1_700_000_000,
      date_update: 1_700_000_100,
      removed_users: removed,
      removed_users_count: removed.length,
      event_ts: '1700000100.000100',
    },
    event_id: `Ev${Math.random().toString(36).slice(2, 10).toUpperCase()}`,
    event_time: 1_700_000_100,
  };
  const sent = await t.driver.send(JSON.stringify(body), 'application/json');
  expect(sent.status).toBe(200);
};

/** Both groups with their members back, announced by Slack as it does (so no replica keeps a stale cache). */
const inGroups = async () => {
  t.slack.addUsergroup('S0SUPPORT', [PEOPLE.grouped]);
  t.slack.addUsergroup('S0APPROVERS', [PEOPLE.admin2]);
  await membersChanged('S0SUPPORT', []);
  await membersChanged('S0APPROVERS', []);
};
describe('user-group membership at confirm', () => {
  it('a person removed from a user group cannot confirm once what Slack said is older than FRESH_MS', async () => {
    await inGroups();
    const { email } = newUser({ sessions: 1 });
    const cmd = await t.driver.slashCommand({ userId: PEOPLE.grouped, text: `disable ${email} left` });
    const confirmation = await t.response(cmd.responseUrlId);
    const value = confirmValueOf(confirmation);
    t.slack.addUsergroup('S0SUPPORT', []); // removed in Slack; no event reaches the bot
    pastFresh();
    const from = mutations().length;
    const click = await t.driver.blockAction({ userId: PEOPLE.grouped, actionId: 'confirm_action', value });
    const answer = await waitFor(() =>
      t.slack
        .responsesTo(click.responseUrlId ?? '')
        .map((r) => text(r.body))
        .find((b) => !b.includes('…')),
    );
    expect(answer).toContain("don't have a role");
    expect(mutations().slice(from)).toEqual([]);
    const denied = await waitFor(() =>
      t.slack
        .messagesIn(CHANNELS.audit)
        .find(
          (m) => String(m.args.text).includes('*denied*') && String(m.args.text).includes(PEOPLE.grouped),
        ),
    );
    expect(String(denied.args.text)).toContain('user.disable');
  });
});

describe('subteam_members_changed', () => {
  it('drops the cached membership at once, so the next read is refused', async () => {
    await inGroups();
    const { email } = newUser();
    const look = async () => {
      const cmd = await t.driver.slashCommand({ userId: PEOPLE.grouped, text: `user ${email}` });
      return text(await t.response(cmd.responseUrlId));
    };
    expect(await look()).toContain(email);
    const cachedLookups = groupLookups();
    expect(await look()).toContain(email);
    expect(groupLookups()).toBe(cachedLookups); // within the cache's minute, reads use it
    t.slack.addUsergroup('S0SUPPORT', []);
    await membersChanged('S0SUPPORT', [PEOPLE.grouped]);
    await waitFor(() => t.logs.some((l) => l.includes('cached membership dropped')));
    expect(await look()).toContain("don't have a role");
    expect(groupLookups()).toBeGreaterThan(cachedLookups);
  });
});

/** The grouped support person asks to sign a fresh user out (gated); the ID on the card in the approvals channel. */
const requestSignout = async (): Promise<string> => {
  const { email } = newUser({ sessions: 1 });
  const cmd = await t.driver.slashCommand({ userId: PEOPLE.grouped, text: `signout ${email}` });
  await t.driver.blockAction({
    userId: PEOPLE.grouped,
    actionId: 'confirm_action',
    value: confirmValueOf(await t.response(cmd.responseUrlId)),
  });
  const card = await waitFor(() =>
    t.slack.messagesIn(CHANNELS.approvals).find((m) => text(m.args).includes(email)),
  );
  return String(buttonsOf(card.args).find((b) => b.action_id === 'approval_approve')?.value);
};

const approve = (userId: string, id: string) =>
  t.driver.blockAction({
    userId,
    actionId: 'approval_approve',
    blockId: 'approval',
    value: id,
    channelId: CHANNELS.approvals,
  });

describe('approvals', () => {
  it('an approver removed from the approvers group cannot approve', async () => {
    await inGroups();
    const id = await requestSignout();
    t.slack.addUsergroup('S0APPROVERS', []);
    pastFresh();
    const from = mutations().length;
    const click = await approve(PEOPLE.admin2, id);
    const told = await waitFor(() => t.slack.responsesTo(click.responseUrlId ?? '')[0]?.body);
    expect(text(told)).toContain('not an approver');
    expect(text(told)).toContain('`user.revoke_sessions`');
    expect(text(told)).toContain('only admin may approve this');
    expect(text(told)).not.toContain('are the roles under');
    expect(mutations().slice(from)).toEqual([]);
  });

  it('an approved request does not run when its requester was removed from the group meanwhile', async () => {
    await inGroups();
    const id = await requestSignout();
    t.slack.addUsergroup('S0SUPPORT', []);
    pastFresh();
    const from = mutations().length;
    await approve(PEOPLE.admin, id);
    await waitFor(() => text(t.slack.callsTo('chat.update').at(-1)?.args).includes('permission.denied'));
    expect(mutations().slice(from)).toEqual([]);
  });
});

describe('the channel allow-list', () => {
  it('refuses a form submission that carries no channel, and accepts it from an allowed channel', async () => {
    await inGroups();
    const { user } = newUser();
    const submit = (channel?: string) =>
      t.driver.viewSubmission({
        userId: PEOPLE.admin,
        callbackId: 'action_modal',
        privateMetadata: actionFormMetadata.encode({
          k: 'disable',
          u: encodeNodeId('User', user.id),
          r: t.slack.responseUrl(`placed-${channel ?? 'none'}`),
          ...(channel ? { c: channel } : {}),
        }),
        values: { reason: { reason: { type: 'plain_text_input', value: 'testing places' } } },
      });
    await submit();
    expect(text(await t.response('placed-none'))).toContain("can't tell which channel");
    await submit(CHANNELS.ops);
    const placed = text(await t.response(`placed-${CHANNELS.ops}`));
    expect(placed, placed).toContain('confirm_action');
    await submit('C0ELSEWHERE');
    expect(text(await t.response('placed-C0ELSEWHERE'))).toContain("isn't enabled in this channel");
  });
});
