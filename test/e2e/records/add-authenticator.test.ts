import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAuthenticator } from '../../../src/authgear/operations/authenticators.js';
import { encodeNodeId } from '../../fakes/authgear/index.js';
import { CHANNELS, PEOPLE, startTestApp, type TestApp } from '../../support/app.js';
import { waitFor } from '../../support/wait.js';
import { runConfirmed } from '../account/flow.js';
import { expected, expectSent, mutationsIn, sentSince } from '../admin-api/sent.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t.stop());

let n = 0;
const newUser = (extra: Parameters<TestApp['authgear']['store']['addUser']>[0] = {}) => {
  const email = `factor${++n}@example.com`;
  const user = t.authgear.store.addUser({ email, name: `Factor ${n}`, ...extra });
  return { email, user, nodeId: encodeNodeId('User', user.id) };
};
const text = (body: unknown) => JSON.stringify(body);

describe('add-authenticator', () => {
  it('adds an SMS one-time code as a second factor', async () => {
    const { email, user, nodeId } = newUser();
    const run = await runConfirmed(t, PEOPLE.admin, `add-authenticator ${email} sms +1 415 555 0100`);
    expect(text(run.confirmation)).toContain('as their second factor');
    expectSent(
      run.mutations,
      expected(createAuthenticator, {
        input: {
          userID: nodeId,
          definition: { kind: 'SECONDARY', type: 'OOB_OTP_SMS', oobOtpSMS: { phone: '+14155550100' } },
        },
      }),
    );
    expect(t.authgear.store.user(user.id)?.authenticators.map((a) => [a.kind, a.type])).toContainEqual([
      'SECONDARY',
      'OOB_OTP_SMS',
    ]);
    expect(text(run.result)).toContain('Added a secondary SMS one-time code (+14155550100)');
  });

  it('adds an email one-time code as a first factor when asked for primary', async () => {
    const { email, nodeId } = newUser({ password: null });
    const run = await runConfirmed(
      t,
      PEOPLE.admin,
      `add-authenticator ${email} email primary backup@example.com`,
    );
    expectSent(
      run.mutations,
      expected(createAuthenticator, {
        input: {
          userID: nodeId,
          definition: {
            kind: 'PRIMARY',
            type: 'OOB_OTP_EMAIL',
            oobOtpEmail: { email: 'backup@example.com' },
          },
        },
      }),
    );
  });

  it('generates a password shown once to the requester, and nowhere else: not in logs, the audit or Slack', async () => {
    const { email, user, nodeId } = newUser({ password: null });
    const run = await runConfirmed(t, PEOPLE.admin, `add-authenticator ${email} password`);
    const input = run.mutations[0]?.variables.input as
      | { definition: { password: { password: string } } }
      | undefined;
    const password = String(input?.definition.password.password);
    expectSent(
      run.mutations,
      expected(createAuthenticator, {
        input: { userID: nodeId, definition: { kind: 'PRIMARY', type: 'PASSWORD', password: { password } } },
      }),
    );
    expect(password).toHaveLength(20);
    expect(t.authgear.store.user(user.id)?.authenticators.find((a) => a.type === 'PASSWORD')?.password).toBe(
      password,
    );
    expect(text(run.result)).toContain(password);
    expect(run.result.response_type).toBe('ephemeral');
    await waitFor(() =>
      t.slack
        .messagesIn(CHANNELS.audit)
        .some((m) => String(m.args.text).includes('*executed*') && String(m.args.text).includes(email)),
    );
    const elsewhere = [
      JSON.stringify(t.slack.responses.filter((r) => r.id !== run.resultResponseId).map((r) => r.body)),
      JSON.stringify(t.slack.calls.map((c) => c.args)),
      t.logs.join('\n'),
    ];
    for (const place of elsewhere) expect(place).not.toContain(password);
    expect(text(run.confirmation)).not.toContain(password);
  });

  it('says the user already has a primary password, and points to reset-password, sending nothing', async () => {
    const { email } = newUser();
    const from = t.authgear.requests.length;
    const res = await t.driver.slashCommand({
      userId: PEOPLE.admin,
      text: `add-authenticator ${email} password`,
    });
    expect(text(await t.response(res.responseUrlId))).toContain('already has a primary password');
    expect(mutationsIn(sentSince(t, from))).toEqual([]);
  });

  it('refuses a phone number that is not E.164 before sending anything', async () => {
    const { email } = newUser();
    const from = t.authgear.requests.length;
    const res = await t.driver.slashCommand({
      userId: PEOPLE.admin,
      text: `add-authenticator ${email} sms 4155550100`,
    });
    expect(text(await t.response(res.responseUrlId))).toContain('E.164');
    expect(mutationsIn(sentSince(t, from))).toEqual([]);
  });

  it('refuses a one-time code the user already has for that target, sending nothing', async () => {
    const { email } = newUser({ oobOtpSms: '+14155550111' });
    const from = t.authgear.requests.length;
    const res = await t.driver.slashCommand({
      userId: PEOPLE.admin,
      text: `add-authenticator ${email} sms +14155550111`,
    });
    expect(text(await t.response(res.responseUrlId))).toContain(
      'already has that secondary SMS one-time code',
    );
    expect(mutationsIn(sentSince(t, from))).toEqual([]);
  });

  it('refuses support, who has no user.add_authenticator', async () => {
    const { email } = newUser();
    const res = await t.driver.slashCommand({
      userId: PEOPLE.support,
      text: `add-authenticator ${email} password`,
    });
    expect(text(await t.response(res.responseUrlId))).toContain("Your role doesn't allow that action");
  });
});
