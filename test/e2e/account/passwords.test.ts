/** reset-password `send` and send-reset against what Authgear does with them (FACTS.md resetPassword, Limits). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeNodeId } from '../../fakes/authgear/index.js';
import { PEOPLE, startTestApp, type TestApp } from '../../support/app.js';
import { formShown } from '../../support/views.js';
import { mutationsSince, runConfirmed } from './flow.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ env: { AUTHGEAR_LOGIN_ID_KEYS: 'email,username' } });
  t.authgear.store.configure({ loginIdKeys: ['email', 'username'] });
  t.authgear.store.addUser({ username: 'nomail', standardAttributes: { email: 'profile-only@example.com' } });
  t.authgear.store.addUser({ email: 'mailable@example.com' });
  t.authgear.store.addUser({ email: 'cooldown@example.com' });
});
afterAll(async () => t.stop());

const text = (v: unknown) => JSON.stringify(v);

describe('reset-password send', () => {
  it('is refused before anything is sent when the user has no email login ID', async () => {
    const from = t.authgear.requests.length;
    const res = await t.driver.slashCommand({ userId: PEOPLE.support, text: 'reset-password nomail send' });
    const body = await t.response(res.responseUrlId);
    expect(text(body)).toContain('Authgear can only email a password to an email login ID');
    expect(mutationsSince(t, from)).toEqual([]);
  });

  it('is not offered in the form for such a user', async () => {
    const user = t.authgear.store.users().find((u) => u.standardAttributes.preferred_username === 'nomail');
    const calls = t.slack.calls.length;
    await t.driver.blockAction({
      userId: PEOPLE.support,
      actionId: 'start_action:reset-password',
      value: JSON.stringify({ k: 'reset-password', u: encodeNodeId('User', user?.id ?? '') }),
    });
    const view = text(await formShown(t.slack, calls));
    expect(view).toContain('"value":"generate"');
    expect(view).not.toContain('"value":"send"');
    expect(view).toContain('this user has none');
  });

  it('for a user with an email login ID: Authgear generates it and emails it there', async () => {
    const user = t.authgear.store.users().find((u) => u.standardAttributes.email === 'mailable@example.com');
    const run = await runConfirmed(t, PEOPLE.support, 'reset-password mailable@example.com send');
    expect(text(run.confirmation)).toContain('emails it to mailable@example.com');
    expect(run.mutations.map((r) => [r.operationName, r.variables])).toEqual([
      ['ResetPassword', { userID: encodeNodeId('User', user?.id ?? ''), sendPassword: true }],
    ]);
    const sent = t.authgear.store.sentMessages.at(-1);
    expect(sent).toMatchObject({ kind: 'password', recipient: 'mailable@example.com' });
    const password = sent?.kind === 'password' ? sent.password : '';
    expect(password).not.toBe('');
    expect(t.everythingSlackSaw()).not.toContain(password);
  });
});

describe('send-reset', () => {
  it('says when to try again when Authgear rate-limits the address', async () => {
    const first = await runConfirmed(t, PEOPLE.support, 'send-reset cooldown@example.com');
    expect(text(first.result)).toContain('sent a reset-password message to cooldown@example.com');
    const second = await runConfirmed(t, PEOPLE.support, 'send-reset cooldown@example.com');
    expect(second.mutations.map((r) => [r.operationName, r.variables])).toEqual([
      ['SendResetPasswordMessage', { loginID: 'cooldown@example.com' }],
    ]);
    expect(text(second.result)).toContain('Try again in a minute');
    expect(t.authgear.store.sentMessages.filter((m) => m.kind === 'reset_password_link')).toHaveLength(1);
  });
});
