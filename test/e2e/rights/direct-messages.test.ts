/**
 * The channel allow-list and direct messages. With `channels.commands` set, a DM is a place like any other: refused
 * as the policy's `channels.direct_messages` says: `bot` (the default: the person's own DM with the bot, the app's
 * Messages tab), `none`, or `all` (any DM, between people too). A DM between people is told apart from the DM with the bot by asking
 * Slack for the bot's DM with the person (conversations.open). Without an allow-list every place works.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNELS, PEOPLE, startTestApp, type TestApp } from '../../support/app.js';
import { buttonsOf } from '../account/flow.js';

const PEOPLE_DM = 'D0PEOPLEDM';
const text = (v: unknown) => JSON.stringify(v);

const policyWith = (channels: string) => `
channels: { approvals: ${CHANNELS.approvals}, audit: ${CHANNELS.audit}${channels} }
roles:
  admin: { actions: ["*"] }
members:
  - { slack_user: ${PEOPLE.admin}, roles: [admin] }
`;

/** `/authgear user <email>` from `channelId`; the answer. */
const lookUp = async (t: TestApp, channelId: string, channelName: string) => {
  const cmd = await t.driver.slashCommand({
    userId: PEOPLE.admin,
    channelId,
    channelName,
    text: 'user dm-target@example.com',
  });
  return t.response(cmd.responseUrlId);
};

/** `/authgear disable <email>` from `channelId`; the answer (a confirmation, or a refusal). */
const startDisable = async (t: TestApp, channelId: string, channelName: string) => {
  const cmd = await t.driver.slashCommand({
    userId: PEOPLE.admin,
    channelId,
    channelName,
    text: 'disable dm-target@example.com gone',
  });
  return t.response(cmd.responseUrlId);
};

const setUp = async (channels: string) => {
  const t = await startTestApp({ policy: policyWith(channels) });
  t.slack.addChannel({ id: PEOPLE_DM, members: [PEOPLE.admin, PEOPLE.support] });
  t.authgear.store.addUser({ email: 'dm-target@example.com', name: 'Dee Em' });
  return t;
};

const refusedAsPlace = (answer: unknown) => {
  expect(text(answer)).toContain("isn't enabled");
  expect(buttonsOf(answer as Record<string, unknown>)).toEqual([]);
};

describe('under an allow-list with direct_messages: none', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await setUp(`, commands: [${CHANNELS.ops}], direct_messages: none`);
  });
  afterAll(async () => t.stop());

  it('refuses reads and changes from the DM with the bot and from a DM between people', async () => {
    const botDm = t.slack.dmChannelFor(PEOPLE.admin);
    for (const [id, name] of [
      [botDm, 'directmessage'],
      [PEOPLE_DM, 'directmessage'],
    ] as const) {
      refusedAsPlace(await lookUp(t, id, name));
      refusedAsPlace(await startDisable(t, id, name));
    }
    expect(text(await lookUp(t, CHANNELS.ops, 'general'))).toContain('Dee Em');
  });
});

describe('under an allow-list without direct_messages (the default, bot)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await setUp(`, commands: [${CHANNELS.ops}]`);
  });
  afterAll(async () => t.stop());

  it('works in the DM with the bot, and refuses a DM between people', async () => {
    const botDm = t.slack.dmChannelFor(PEOPLE.admin);
    expect(text(await lookUp(t, botDm, 'directmessage'))).toContain('Dee Em');
    expect(text(await startDisable(t, botDm, 'directmessage'))).toContain('confirm_action');
    const refused = await lookUp(t, PEOPLE_DM, 'directmessage');
    refusedAsPlace(refused);
    expect(text(refused)).toContain('DM between people');
    refusedAsPlace(await startDisable(t, PEOPLE_DM, 'directmessage'));
  });
});

describe('under an allow-list with direct_messages: all', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await setUp(`, commands: [${CHANNELS.ops}], direct_messages: all`);
  });
  afterAll(async () => t.stop());

  it('works in any DM, and still refuses a channel off the list', async () => {
    expect(text(await lookUp(t, PEOPLE_DM, 'directmessage'))).toContain('Dee Em');
    expect(text(await lookUp(t, t.slack.dmChannelFor(PEOPLE.admin), 'directmessage'))).toContain('Dee Em');
    refusedAsPlace(await lookUp(t, 'C0RANDOM', 'random'));
  });
});

describe('without an allow-list', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await setUp('');
  });
  afterAll(async () => t.stop());

  it('works everywhere, DMs between people included, without asking Slack where it is', async () => {
    expect(text(await lookUp(t, PEOPLE_DM, 'directmessage'))).toContain('Dee Em');
    expect(text(await startDisable(t, t.slack.dmChannelFor(PEOPLE.admin), 'directmessage'))).toContain(
      'confirm_action',
    );
    expect(t.slack.callsTo('conversations.open')).toEqual([]);
  });
});
