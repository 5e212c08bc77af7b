import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeNodeId, type FakeUser, type FakeUserSeed } from '../../fakes/authgear/index.js';
import { CHANNELS, PEOPLE, startTestApp, type TestApp } from '../../support/app.js';
import { waitFor } from '../../support/wait.js';
import { buttonsOf, clickConfirm, mutationsSince, runConfirmed } from './flow.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
  // Some cases seed a phone login ID: the project has phone numbers turned on.
  t.authgear.store.configure({ loginIdKeys: ['email', 'phone'] });
});
afterAll(async () => t.stop());

let n = 0;
const seed = (extra: FakeUserSeed = {}): { user: FakeUser; email: string; nodeId: string } => {
  n += 1;
  const email = `account${n}@example.com`;
  const user = t.authgear.store.addUser({ email, name: `Account ${n}`, ...extra });
  return { user, email, nodeId: encodeNodeId('User', user.id) };
};
const text = (v: unknown) => JSON.stringify(v);

interface Case {
  seed?: FakeUserSeed;
  command: (email: string) => string;
  operationName: string;
  variables: (nodeId: string, email: string) => Record<string, unknown>;
}

const PHONE = '+85298765432';
const CASES: [string, Case][] = [
  [
    'disable',
    {
      command: (e) => `disable ${e} left the company`,
      operationName: 'SetDisabledStatus',
      variables: (id) => ({ userID: id, isDisabled: true, reason: 'left the company' }),
    },
  ],
  [
    'enable',
    {
      seed: { isDisabled: true, disableReason: 'x' },
      command: (e) => `enable ${e}`,
      operationName: 'SetDisabledStatus',
      variables: (id) => ({ userID: id, isDisabled: false }),
    },
  ],
  [
    'unlock',
    {
      seed: { accountLockout: { isLocked: true } },
      command: (e) => `unlock ${e}`,
      operationName: 'ResetAccountLockout',
      variables: (id) => ({ userID: id }),
    },
  ],
  [
    'reset-password send',
    {
      command: (e) => `reset-password ${e} send expire`,
      operationName: 'ResetPassword',
      variables: (id) => ({ userID: id, sendPassword: true, setPasswordExpired: true }),
    },
  ],
  [
    'expire-password',
    {
      command: (e) => `expire-password ${e}`,
      operationName: 'SetPasswordExpired',
      variables: (id) => ({ userID: id, expired: true }),
    },
  ],
  [
    'send-reset',
    {
      command: (e) => `send-reset ${e}`,
      operationName: 'SendResetPasswordMessage',
      variables: (_id, e) => ({ loginID: e }),
    },
  ],
  [
    'signout',
    {
      seed: { sessions: 2 },
      command: (e) => `signout ${e}`,
      operationName: 'RevokeAllSessions',
      variables: (id) => ({ userID: id }),
    },
  ],
  [
    'verify phone',
    {
      seed: { phone: PHONE, phoneVerified: false },
      command: (e) => `verify ${e} phone`,
      operationName: 'SetVerifiedStatus',
      variables: (id) => ({ userID: id, claimName: 'phone_number', claimValue: PHONE, isVerified: true }),
    },
  ],
  [
    'unverify email',
    {
      command: (e) => `unverify ${e} email`,
      operationName: 'SetVerifiedStatus',
      variables: (id, e) => ({ userID: id, claimName: 'email', claimValue: e, isVerified: false }),
    },
  ],
  [
    'delete',
    {
      command: (e) => `delete ${e} asked by the user`,
      operationName: 'ScheduleAccountDeletion',
      variables: (id) => ({ userID: id, reason: 'asked by the user' }),
    },
  ],
  [
    'cancel-delete',
    {
      seed: { isDisabled: true, deleteAt: '2099-01-01T00:00:00.000Z' },
      command: (e) => `cancel-delete ${e}`,
      operationName: 'UnscheduleAccountDeletion',
      variables: (id) => ({ userID: id }),
    },
  ],
  [
    'delete-now',
    { command: (e) => `delete-now ${e}`, operationName: 'DeleteUser', variables: (id) => ({ userID: id }) },
  ],
  [
    'anonymize',
    {
      command: (e) => `anonymize ${e}`,
      operationName: 'ScheduleAccountAnonymization',
      variables: (id) => ({ userID: id }),
    },
  ],
  [
    'cancel-anonymize',
    {
      seed: { isDisabled: true, anonymizeAt: '2099-01-01T00:00:00.000Z' },
      command: (e) => `cancel-anonymize ${e}`,
      operationName: 'UnscheduleAccountAnonymization',
      variables: (id) => ({ userID: id }),
    },
  ],
  [
    'anonymize-now',
    {
      command: (e) => `anonymize-now ${e}`,
      operationName: 'AnonymizeUser',
      variables: (id) => ({ userID: id }),
    },
  ],
];

describe('account actions end to end', () => {
  it.each(CASES)(
    '%s: confirm, then exactly one mutation, then the result to the requester',
    async (_l, c) => {
      const { email, nodeId } = seed(c.seed);
      const run = await runConfirmed(t, PEOPLE.admin, c.command(email));
      expect(text(run.confirmation)).toContain(email);
      expect(run.mutations.map((m) => m.operationName)).toEqual([c.operationName]);
      expect(run.mutations[0]?.variables).toEqual(c.variables(nodeId, email));
      expect(run.mutations[0]?.jwt.claims.audit_context).toMatchObject({ slack_user_id: PEOPLE.admin });
      expect(run.result.response_type).toBe('ephemeral');
      expect(text(run.result)).toContain(':white_check_mark:');
      const audit = await waitFor(() =>
        t.slack
          .messagesIn(CHANNELS.audit)
          .find((m) => String(m.args.text).includes('*executed*') && String(m.args.text).includes(email)),
      );
      expect(String(audit.args.text)).toContain(PEOPLE.admin);
      expect(t.slack.violations).toEqual([]);
    },
  );

  it('stops with no mutation when the state already matches (disabling a disabled user)', async () => {
    const { email } = seed({ isDisabled: true, disableReason: 'x' });
    const from = t.authgear.requests.length;
    const res = await t.driver.slashCommand({ userId: PEOPLE.admin, text: `disable ${email} again` });
    expect(text(await t.response(res.responseUrlId))).toContain('already disabled');
    expect(mutationsSince(t, from)).toEqual([]);
  });

  it('refuses a person whose role lacks the action, with no confirmation and no mutation', async () => {
    const { email } = seed();
    const from = t.authgear.requests.length;
    const res = await t.driver.slashCommand({ userId: PEOPLE.viewer, text: `disable ${email} nope` });
    const body = await t.response(res.responseUrlId);
    expect(text(body)).toMatch(/doesn't allow/);
    expect(text(body)).toContain('`user.disable`'); // the policy action an admin would add

    expect(buttonsOf(body)).toEqual([]);
    expect(mutationsSince(t, from)).toEqual([]);
  });

  it('refuses a forged Confirm naming an action and its input, sending no mutation', async () => {
    const { user, nodeId } = seed();
    const from = t.authgear.requests.length;
    const forged = JSON.stringify({ v: 1, k: 'delete-now', i: { userId: nodeId, reason: 'forged' } });
    const click = await t.driver.blockAction({
      userId: PEOPLE.support,
      actionId: 'confirm_action',
      blockId: 'confirm',
      value: forged,
    });
    expect(click.status).toBe(200);
    const seen = await t.response(click.responseUrlId);
    expect(text(seen)).toMatch(/can no longer be used. Start the action again/);
    expect(mutationsSince(t, from)).toEqual([]);
    expect(t.authgear.store.user(user.id)).toBeDefined();
  });

  it('lists sessions and revokes the one whose Revoke button was clicked', async () => {
    const { user, email, nodeId } = seed({
      sessions: [{ displayName: 'Firefox <script>' }, { displayName: 'Safari' }],
    });
    const [first, second] = user.sessions;
    const listed = await t.driver.slashCommand({ userId: PEOPLE.support, text: `sessions ${email}` });
    const list = await t.response(listed.responseUrlId);
    expect(text(list)).toContain('Firefox &lt;script&gt;');
    const sessionId = encodeNodeId('Session', first?.id ?? '');
    const revoke = buttonsOf(list).find((b) => String(b.value).includes(sessionId));
    expect(revoke?.action_id).toBe('start_action:revoke-session');
    const from = t.authgear.requests.length;
    const start = await t.driver.blockAction({
      userId: PEOPLE.support,
      actionId: String(revoke?.action_id),
      value: String(revoke?.value),
    });
    const confirmation = await t.response(start.responseUrlId);
    const run = await clickConfirm(t, PEOPLE.support, confirmation, from);
    expect(run.mutations.map((m) => [m.operationName, m.variables])).toEqual([
      ['RevokeSession', { sessionID: sessionId }],
    ]);
    expect(t.authgear.store.user(user.id)?.sessions.map((s) => s.id)).toEqual([second?.id]);
    expect(nodeId).toBe(encodeNodeId('User', user.id));
  });
});
