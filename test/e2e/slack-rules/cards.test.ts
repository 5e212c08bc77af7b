/**
 * Slack refuses a block with two equal action_ids (`invalid_blocks`, RULES.md). The user and group cards of an admin
 * and of a support person carry many buttons in one actions block: they arrive, buttons and all, and each button
 * starts its action.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PEOPLE, startTestApp, type TestApp } from '../../support/app.js';
import { formShown } from '../../support/views.js';
import { buttonsOf } from '../records/helpers.js';

let t: TestApp;
beforeAll(async () => {
  // A project with all three login ID keys, so Alice can hold one of each (Authgear's default has only email).
  t = await startTestApp({ env: { AUTHGEAR_LOGIN_ID_KEYS: 'email,phone,username' } });
  t.authgear.store.configure({ loginIdKeys: ['email', 'phone', 'username'] });
  t.authgear.store.addRole({ key: 'agent', name: 'Agent' });
  t.authgear.store.addGroup({ key: 'support_team', name: 'Support', roles: ['agent'] });
  t.authgear.store.addUser({
    email: 'alice@example.com',
    phone: '+15551234567',
    username: 'alice',
    name: 'Alice Liddell',
    groups: ['support_team'],
  });
});
afterAll(async () => t.stop());

const card = async (userId: string, text: string) => {
  const command = await t.driver.slashCommand({ userId, text });
  return t.response(command.responseUrlId);
};

const startButtons = (body: unknown) =>
  buttonsOf(body)
    .map((b) => b.action_id ?? '')
    .filter((id) => id.startsWith('start_action:'));

describe.each([
  ['an admin', PEOPLE.admin],
  ['a support person', PEOPLE.support],
])("%s's cards", (_who, userId) => {
  it('the user card arrives with its buttons, each with its own action_id', async () => {
    const ids = startButtons(await card(userId, 'user alice@example.com'));
    expect(ids).toContain('start_action:disable');
    expect(ids.length).toBeGreaterThan(5);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('the group card arrives, with buttons for an admin', async () => {
    const body = await card(userId, 'group support_team');
    expect(JSON.stringify(body)).toContain('`agent`');
    const ids = startButtons(body);
    expect(new Set(ids).size).toBe(ids.length);
    if (userId === PEOPLE.admin) expect(ids).toContain('start_action:delete-group');
  });
});

describe('a card button', () => {
  it('starts its action: Disable on the user card asks for a reason', async () => {
    const body = await card(PEOPLE.support, 'user alice@example.com');
    const disable = buttonsOf(body).find((b) => b.action_id === 'start_action:disable');
    const before = t.slack.calls.length;
    await t.driver.blockAction({
      userId: PEOPLE.support,
      actionId: 'start_action:disable',
      blockId: 'user_actions',
      value: disable?.value ?? '',
    });
    const form = await formShown(t.slack, before);
    expect(form.blocks.some((b) => b.block_id === 'reason')).toBe(true);
  });
});
