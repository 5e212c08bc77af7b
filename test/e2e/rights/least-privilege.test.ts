/**
 * Least privilege in what people see: a person allowed an action but not `user.view` learns nothing from its
 * confirmation (whether the email exists, the name, the phone); they see what they typed, and a refusal after
 * Confirm is the same whatever the reason.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNELS, PEOPLE, startTestApp, type TestApp } from '../../support/app.js';
import { waitFor } from '../../support/wait.js';
import { confirmValueOf } from '../account/flow.js';

const OPERATOR = PEOPLE.nobody;
const policy = `
channels: { approvals: ${CHANNELS.approvals}, audit: ${CHANNELS.audit} }
roles:
  operator: { actions: [user.disable, user.otp] }
  support: { actions: [user.view, user.disable, user.otp] }
members:
  - { slack_user: ${OPERATOR}, roles: [operator] }
  - { slack_user: ${PEOPLE.support}, roles: [support] }
`;

type Json = Record<string, unknown>;
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ policy, env: { AUTHGEAR_LOGIN_ID_KEYS: 'email,phone' } });
  t.authgear.store.configure({ loginIdKeys: ['email', 'phone'] });
});
afterAll(async () => t.stop());

const text = (v: unknown) => JSON.stringify(v);
const mutations = () => t.authgear.requests.filter((r) => r.query.trimStart().startsWith('mutation'));
const ask = async (userId: string, command: string): Promise<Json> => {
  const cmd = await t.driver.slashCommand({ userId, text: command });
  return t.response(cmd.responseUrlId);
};
const confirm = async (userId: string, confirmation: Json): Promise<string> => {
  const click = await t.driver.blockAction({
    userId,
    actionId: 'confirm_action',
    value: confirmValueOf(confirmation),
  });
  return waitFor(() =>
    t.slack
      .responsesTo(click.responseUrlId ?? '')
      .map((r) => text(r.body))
      .find((b) => !b.includes('…')),
  );
};
/** A confirmation with what identifies it (the typed email, the button's ID) taken out. */
const shape = (body: Json, email: string): string =>
  text(body)
    .replaceAll(email, '<typed>')
    .replace(/cf_[A-Za-z0-9_-]{22}/g, '<id>');

describe('a person allowed an action but not user.view', () => {
  it('gets the same confirmation whether the email exists or not, with nothing about the user', async () => {
    t.authgear.store.addUser({ email: 'lp-real@example.com', name: 'Real Person', phone: '+15557654321' });
    const real = await ask(OPERATOR, 'disable lp-real@example.com left');
    const missing = await ask(OPERATOR, 'disable lp-missing@example.com left');
    expect(shape(real, 'lp-real@example.com')).toBe(shape(missing, 'lp-missing@example.com'));
    expect(text(real)).not.toContain('Real Person');
    expect(text(real)).toContain('lp-real@example.com');
  });

  it('does not show the phone a one-time code would go to, which someone with user.view sees', async () => {
    t.authgear.store.addUser({ email: 'lp-otp@example.com', name: 'Otto Pea', phone: '+15551112222' });
    expect(text(await ask(PEOPLE.support, 'otp lp-otp@example.com login phone'))).toContain('+15551112222');
    const blind = text(await ask(OPERATOR, 'otp lp-otp@example.com login phone'));
    expect(blind).not.toContain('+15551112222');
    expect(blind).not.toContain('Otto Pea');
  });

  it('refuses neutrally after Confirm when there is no such user, changing nothing', async () => {
    const from = mutations().length;
    const answer = await confirm(OPERATOR, await ask(OPERATOR, 'disable lp-nobody@example.com left'));
    expect(answer).toContain('That could not be done for “lp-nobody@example.com”');
    expect(mutations().slice(from)).toEqual([]);
  });

  it('refuses the same way when the user exists but the action does not fit their state', async () => {
    const user = t.authgear.store.addUser({ email: 'lp-disabled@example.com', name: 'Dee Sabled' });
    const first = await confirm(
      PEOPLE.support,
      await ask(PEOPLE.support, 'disable lp-disabled@example.com left'),
    );
    expect(first).toContain('white_check_mark');
    expect(t.authgear.store.status(user).isDisabled).toBe(true);
    const from = mutations().length;
    const answer = await confirm(OPERATOR, await ask(OPERATOR, 'disable lp-disabled@example.com again'));
    expect(answer).toContain('That could not be done for “lp-disabled@example.com”');
    expect(answer).not.toContain('already');
    expect(mutations().slice(from)).toEqual([]);
  });

  it('runs the action on a user who exists and names only what was typed', async () => {
    const user = t.authgear.store.addUser({ email: 'lp-run@example.com', name: 'Ruth Unner' });
    const answer = await confirm(OPERATOR, await ask(OPERATOR, 'disable lp-run@example.com left'));
    expect(answer).toContain('Disable user: done for “lp-run@example.com”');
    expect(answer).not.toContain('Ruth Unner');
    expect(t.authgear.store.status(user).isDisabled).toBe(true);
  });
});
