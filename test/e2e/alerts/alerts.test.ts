/**
 * Actionable alerts from Authgear's audit log, in the running app: a blocked sign-in and a sign-in from a new
 * country are posted with Show user / Revoke sessions / Disable, and those buttons go through the pipeline (the
 * clicker's right, a confirmation, an approval where the policy asks for one).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMemoryApprovalStore } from '../../../src/approvals/memory-store.js';
import { ListAuditLogAlertsDocument } from '../../../src/authgear/documents/operations.generated.js';
import { encodeNodeId } from '../../fakes/authgear/index.js';
import { CHANNELS, PEOPLE, startTestApp, type TestApp } from '../../support/app.js';
import { waitFor } from '../../support/wait.js';
import { buttonsOf, confirmValueOf } from '../account/flow.js';

const SECURITY = 'C0SECURITY';
const POLICY = `
channels:
  approvals: ${CHANNELS.approvals}
  audit: ${CHANNELS.audit}
roles:
  viewer: { actions: [user.view] }
  support: { inherits: [viewer], actions: [user.revoke_sessions, user.disable] }
members:
  - { slack_user: ${PEOPLE.support}, roles: [support] }
  - { slack_user: ${PEOPLE.viewer}, roles: [viewer] }
  - { slack_user: ${PEOPLE.admin}, roles: [support] }
approvals:
  user.disable: { approvers: [support], required: 1, expires_in: 1h }
audit_stream:
  interval: 1s
alerts:
  - name: Sign-in blocked
    activity_types: [AUTHENTICATION_BLOCKED]
  - name: Sign-in from a new country
    activity_types: [USER_AUTHENTICATED]
    when: new_country
    channel: ${SECURITY}
    actions: [show_user, revoke_sessions]
`;

type Json = Record<string, unknown>;
const text = (v: unknown): string => JSON.stringify(v);

let t: TestApp;

beforeAll(async () => {
  t = await startTestApp({ policy: POLICY, deps: { approvals: { store: createMemoryApprovalStore() } } });
  t.slack.addChannel({ id: SECURITY, name: 'security' });
  // The stream anchors at its first poll: wait for it, so the entries below are new to it.
  await waitFor(() => t.authgear.requests.some((r) => r.operationName === 'ListAuditLogAlerts'), {
    message: 'the first alerts poll',
  });
});
afterAll(async () => t.stop());

const soon = (ms = 1000): string => new Date(Date.now() + ms).toISOString();

const alertIn = (channel: string, marker: string): Promise<Json> =>
  waitFor(
    () =>
      t.slack
        .messagesIn(channel)
        .map((m) => m.args)
        .find((a) => text(a).includes(marker)),
    { timeoutMs: 8000, message: `an alert mentioning ${marker} in ${channel}` },
  );

const click = async (userId: string, button: Json): Promise<Json> => {
  const res = await t.driver.blockAction({
    userId,
    actionId: String(button.action_id),
    value: String(button.value),
    channelId: CHANNELS.audit,
  });
  return waitFor(() => t.slack.responsesTo(res.responseUrlId ?? '')[0]?.body, { message: 'the answer' });
};

describe('alerts', () => {
  it('posts a blocked sign-in with buttons that go through the pipeline', async () => {
    const user = t.authgear.store.addUser({
      email: 'blocked@example.com',
      sessions: [{ displayName: 'Chrome' }],
    });
    const nodeId = encodeNodeId('User', user.id);
    t.authgear.store.addAuditLog({
      activityType: 'AUTHENTICATION_BLOCKED',
      userId: user.id,
      createdAt: soon(),
      ipAddress: '203.0.113.9',
      data: { payload: { error: { reason: 'DisabledUser' } }, context: { geo_location_code: 'NL' } },
    });
    const alert = await alertIn(CHANNELS.audit, 'blocked@example.com');
    expect(text(alert)).toContain('Sign-in blocked');
    expect(text(alert)).toContain('203.0.113.9');
    expect(text(alert)).not.toContain('DisabledUser');
    const buttons = buttonsOf(alert);
    expect(buttons.map((b) => [b.action_id, b.value])).toEqual([
      ['show_user', nodeId],
      ['start_action:signout', JSON.stringify({ k: 'signout', u: nodeId })],
      ['start_action:disable', JSON.stringify({ k: 'disable', u: nodeId })],
    ]);

    const [show, revoke] = buttons;
    expect(text(await click(PEOPLE.viewer, show ?? {}))).toContain('blocked@example.com');
    expect(text(await click(PEOPLE.viewer, revoke ?? {}))).toMatch(/doesn't allow/);

    const confirmation = await click(PEOPLE.support, revoke ?? {});
    const before = t.authgear.requests.length;
    const confirmed = await t.driver.blockAction({
      userId: PEOPLE.support,
      actionId: 'confirm_action',
      value: confirmValueOf(confirmation),
    });
    expect(confirmed.status).toBe(200);
    await waitFor(
      () => t.authgear.requests.slice(before).some((r) => r.query.includes('revokeAllSessions')),
      {
        message: 'revokeAllSessions',
      },
    );
    const sent = t.authgear.requests.slice(before).filter((r) => r.query.includes('revokeAllSessions'));
    expect(sent.map((r) => r.variables)).toEqual([{ userID: nodeId }]);
  });

  it('alerts on a sign-in from a country the user was never seen in, and not on the first or a known one', async () => {
    const user = t.authgear.store.addUser({ email: 'traveller@example.com' });
    const signIn = (country: string, ms: number, clientID: string) =>
      t.authgear.store.addAuditLog({
        activityType: 'USER_AUTHENTICATED',
        userId: user.id,
        createdAt: soon(ms),
        clientID,
        data: { context: { geo_location_code: country }, payload: { secret_marker: 'never-posted' } },
      });
    signIn('JP', 1000, 'first-jp');
    signIn('JP', 2000, 'again-jp');
    signIn('BR', 3000, 'new-br');
    const alert = await alertIn(SECURITY, 'new-br');
    expect(text(alert)).toContain('Sign-in from a new country');
    expect(text(alert)).toContain('country BR');
    expect(buttonsOf(alert).map((b) => b.action_id)).toEqual(['show_user', 'start_action:signout']);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const all = text(t.slack.messagesIn(SECURITY).map((m) => m.args));
    expect(all).not.toContain('first-jp');
    expect(all).not.toContain('again-jp');
    expect(t.slack.messagesIn(SECURITY).filter((m) => text(m.args).includes('new-br'))).toHaveLength(1);
    expect(t.everythingSlackSaw()).not.toContain('never-posted');
    const polled = t.authgear.requests.filter((r) => r.operationName === 'ListAuditLogAlerts').at(-1);
    expect(polled?.query).toBe(ListAuditLogAlertsDocument.text);
    expect(polled?.variables).toMatchObject({
      first: 50,
      activityTypes: ['AUTHENTICATION_BLOCKED', 'USER_AUTHENTICATED'],
      sortDirection: 'ASC',
    });
  });

  it('asks for approval when Disable is clicked on an alert, as the policy wants', async () => {
    const user = t.authgear.store.addUser({ email: 'suspect@example.com' });
    t.authgear.store.addAuditLog({
      activityType: 'AUTHENTICATION_BLOCKED',
      userId: user.id,
      createdAt: soon(),
    });
    const alert = await alertIn(CHANNELS.audit, 'suspect@example.com');
    const disable = buttonsOf(alert).find((b) => b.action_id === 'start_action:disable');
    const res = await t.driver.blockAction({
      userId: PEOPLE.support,
      actionId: String(disable?.action_id),
      value: String(disable?.value),
      channelId: CHANNELS.audit,
    });
    // The form opens at once (loading) and shows its fields once the user is read (views.update).
    const opened = await waitFor(
      () =>
        [...t.slack.callsTo('views.open'), ...t.slack.callsTo('views.update')].find((c) =>
          text(c.args).includes('suspect@example.com'),
        ),
      { message: 'the Disable form' },
    );
    const view = opened.args.view as { private_metadata: string };
    const submitted = await t.driver.viewSubmission({
      userId: PEOPLE.support,
      callbackId: 'action_modal',
      privateMetadata: view.private_metadata,
      values: { reason: { reason: { type: 'plain_text_input', value: 'blocked sign-ins from a bot' } } },
    });
    expect(submitted.status).toBe(200);
    const confirmation = await waitFor(() => t.slack.responsesTo(res.responseUrlId ?? '')[0]?.body, {
      message: 'the confirmation',
    });
    const confirmed = await t.driver.blockAction({
      userId: PEOPLE.support,
      actionId: 'confirm_action',
      value: confirmValueOf(confirmation),
    });
    await waitFor(
      () =>
        t.slack
          .responsesTo(confirmed.responseUrlId ?? '')
          .find((r) => text(r.body).includes('Sent for approval')),
      { message: 'the request to be sent for approval' },
    );
    expect(t.authgear.requests.some((r) => r.query.includes('setDisabledStatus'))).toBe(false);
    expect(text(t.slack.messagesIn(CHANNELS.approvals).at(-1)?.args)).toContain('suspect@example.com');
  });
});
