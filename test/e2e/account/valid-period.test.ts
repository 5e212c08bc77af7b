/**
 * The account valid period and scheduled temporary disables, end to end (FACTS.md: outside the period the user
 * reads `isDisabled: true` and re-enabling fails; a window in the future reads `false`).
 */
import { parse, print } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMemoryApprovalStore } from '../../../src/approvals/memory-store.js';
import { encodeNodeId, type FakeUserSeed } from '../../fakes/authgear/index.js';
import { CHANNELS, PEOPLE, startTestApp, type TestApp } from '../../support/app.js';
import { formShown } from '../../support/views.js';
import { waitFor } from '../../support/wait.js';
import { type Cluster, startCluster } from '../approvals/cluster.js';
import { askAndConfirm } from '../approvals/flow.js';
import { buttonsOf, mutationsSince, runConfirmed } from './flow.js';

const DAY = 86_400_000;
const iso = (days: number) => new Date(Date.now() + days * DAY).toISOString();
const text = (v: unknown) => JSON.stringify(v);

/** A document as Authgear parses it: whitespace and layout do not count, every selection and variable does. */
const normalized = (document: string) => print(parse(document));
const sent = (run: { mutations: readonly { query: string; variables: unknown }[] }) =>
  run.mutations.map((r) => ({ document: normalized(r.query), variables: r.variables }));

/** The exact documents the bot must send (written here, not taken from the bot). */
const DOCUMENTS = {
  SetAccountValidPeriod: `
    mutation SetAccountValidPeriod($userID: ID!, $accountValidFrom: DateTime, $accountValidUntil: DateTime) {
      setAccountValidPeriod(
        input: { userID: $userID, accountValidFrom: $accountValidFrom, accountValidUntil: $accountValidUntil }
      ) { user { id } }
    }`,
  SetAccountValidFrom: `
    mutation SetAccountValidFrom($userID: ID!, $accountValidFrom: DateTime) {
      setAccountValidFrom(input: { userID: $userID, accountValidFrom: $accountValidFrom }) { user { id } }
    }`,
  SetAccountValidUntil: `
    mutation SetAccountValidUntil($userID: ID!, $accountValidUntil: DateTime) {
      setAccountValidUntil(input: { userID: $userID, accountValidUntil: $accountValidUntil }) { user { id } }
    }`,
  SetDisabledStatus: `
    mutation SetDisabledStatus(
      $userID: ID!
      $isDisabled: Boolean!
      $reason: String
      $temporarilyDisabledFrom: DateTime
      $temporarilyDisabledUntil: DateTime
    ) {
      setDisabledStatus(
        input: {
          userID: $userID
          isDisabled: $isDisabled
          reason: $reason
          temporarilyDisabledFrom: $temporarilyDisabledFrom
          temporarilyDisabledUntil: $temporarilyDisabledUntil
        }
      ) { user { id } }
    }`,
} as const;

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t.stop());

let n = 0;
const seed = (extra: FakeUserSeed) => {
  n += 1;
  const email = `period${n}@example.com`;
  const user = t.authgear.store.addUser({ email, sessions: 1, ...extra });
  return { user, email, nodeId: encodeNodeId('User', user.id) };
};

const card = async (who: string, userId: string = PEOPLE.admin) => {
  const res = await t.driver.slashCommand({ userId, text: `user ${who}` });
  return t.response(res.responseUrlId);
};
const labels = (body: Record<string, unknown>) =>
  buttonsOf(body).map((b) => (b.text as { text?: string }).text);

describe('a user outside the account valid period', () => {
  it('is shown as outside the period, not as "Disabled", with no Enable but Valid period', async () => {
    const { email } = seed({ accountValidUntil: iso(-2) });
    const body = await card(email);
    expect(text(body)).toContain('Outside the valid period: it ended');
    expect(text(body)).not.toContain(':no_entry_sign: Disabled');
    expect(labels(body)).not.toContain('Enable');
    expect(labels(body)).toContain('Valid period');
  });

  it('opens the Valid period form from the card with the current bounds filled in', async () => {
    const from = '2024-01-02T03:04:00.000Z';
    const until = '2024-06-07T08:09:00.000Z';
    const { email } = seed({ accountValidFrom: from, accountValidUntil: until });
    const body = await card(email);
    const button = buttonsOf(body).find((b) => (b.text as { text?: string }).text === 'Valid period');
    const before = t.slack.calls.length;
    await t.driver.blockAction({
      userId: PEOPLE.admin,
      actionId: String(button?.action_id),
      blockId: 'user_actions',
      value: String(button?.value),
      ephemeral: true,
    });
    const form = await formShown(t.slack, before);
    const initialOf = (id: string) =>
      (form.blocks.find((b) => b.block_id === id)?.element as { initial_date_time?: number } | undefined)
        ?.initial_date_time;
    expect(initialOf('accountValidFrom')).toBe(Date.parse(from) / 1000);
    expect(initialOf('accountValidUntil')).toBe(Date.parse(until) / 1000);
  });

  it('is not re-enabled: enable explains the period before sending anything', async () => {
    const { email } = seed({ accountValidFrom: iso(3) });
    const from = t.authgear.requests.length;
    const res = await t.driver.slashCommand({ userId: PEOPLE.admin, text: `enable ${email}` });
    const body = await t.response(res.responseUrlId);
    expect(text(body)).toContain('outside their account valid period');
    expect(text(body)).toContain('valid-period');
    expect(mutationsSince(t, from)).toEqual([]);
  });

  it('valid-period sets both bounds with one mutation, and the user can sign in again', async () => {
    const { user, email, nodeId } = seed({ accountValidUntil: iso(-2) });
    const run = await runConfirmed(t, PEOPLE.admin, `valid-period ${email} 2020-01-01 2099-12-31`);
    expect(sent(run)).toEqual([
      {
        document: normalized(DOCUMENTS.SetAccountValidPeriod),
        variables: {
          userID: nodeId,
          accountValidFrom: '2020-01-01T00:00:00.000Z',
          accountValidUntil: '2099-12-31T00:00:00.000Z',
        },
      },
    ]);
    expect(text(run.result)).toContain('is now valid from 2020-01-01 00:00 UTC until 2099-12-31 00:00 UTC');
    expect(t.authgear.store.status(user).isDisabled).toBe(false);
    expect(text(await card(email))).toContain('Valid from');
  });

  it.each([
    ['valid-until', 'clear', 'SetAccountValidUntil', { accountValidUntil: null }],
    ['valid-from', '2021-06-01', 'SetAccountValidFrom', { accountValidFrom: '2021-06-01T00:00:00.000Z' }],
  ] as const)('%s %s sends %s with only that bound', async (verb, arg, operation, variables) => {
    const { email, nodeId } = seed({ accountValidFrom: iso(-10), accountValidUntil: iso(-1) });
    const run = await runConfirmed(t, PEOPLE.admin, `${verb} ${email} ${arg}`);
    expect(sent(run)).toEqual([
      { document: normalized(DOCUMENTS[operation]), variables: { userID: nodeId, ...variables } },
    ]);
  });

  it('valid-period with `-` and `clear` sends null for the open bounds', async () => {
    const { email, nodeId } = seed({ accountValidFrom: iso(-10), accountValidUntil: iso(-1) });
    const run = await runConfirmed(t, PEOPLE.admin, `valid-period ${email} - 2099-01-01T09:30Z`);
    expect(sent(run)).toEqual([
      {
        document: normalized(DOCUMENTS.SetAccountValidPeriod),
        variables: { userID: nodeId, accountValidFrom: null, accountValidUntil: '2099-01-01T09:30:00.000Z' },
      },
    ]);
  });

  it('refuses a period that ends before it starts, sending nothing', async () => {
    const { email } = seed({});
    const from = t.authgear.requests.length;
    const res = await t.driver.slashCommand({
      userId: PEOPLE.admin,
      text: `valid-period ${email} 2030-01-02 2030-01-01`,
    });
    expect(text(await t.response(res.responseUrlId))).toContain('must start before it ends');
    expect(mutationsSince(t, from)).toEqual([]);
  });

  it('is refused to a person whose role lacks user.valid_period', async () => {
    const { email } = seed({ accountValidUntil: iso(-1) });
    const res = await t.driver.slashCommand({ userId: PEOPLE.support, text: `valid-period ${email} clear` });
    expect(text(await t.response(res.responseUrlId))).toMatch(/doesn't allow|not allowed/);
  });
});

describe('a temporary disable in the future', () => {
  it('is shown as scheduled with Cancel scheduled disable (no Enable), and cancelling clears it', async () => {
    const { user, email, nodeId } = seed({
      temporarilyDisabledFrom: iso(2),
      temporarilyDisabledUntil: iso(3),
      disableReason: 'trip',
    });
    const body = await card(email);
    expect(text(body)).toContain(':large_green_circle: Active');
    expect(text(body)).toContain('Disable scheduled from');
    expect(labels(body)).toContain('Cancel scheduled disable');
    expect(labels(body)).not.toContain('Enable');

    const run = await runConfirmed(t, PEOPLE.admin, `cancel-disable ${email}`);
    expect(sent(run)).toEqual([
      {
        document: normalized(DOCUMENTS.SetDisabledStatus),
        variables: {
          userID: nodeId,
          isDisabled: true,
          temporarilyDisabledFrom: '1970-01-01T00:00:00Z',
          temporarilyDisabledUntil: '1970-01-01T00:00:01Z',
        },
      },
    ]);
    expect(text(run.result)).toContain('scheduled disable');
    const stored = t.authgear.store.user(user.id);
    expect(stored?.temporarilyDisabledFrom).toBeNull();
    expect(stored?.disableReason).toBeNull();
    expect(stored?.sessions).toHaveLength(1);
    expect(stored && t.authgear.store.status(stored).isDisabled).toBe(false);
    expect(text(await card(email))).not.toContain('Disable scheduled');
  });
});

describe('valid-period with an approval rule', () => {
  let c: Cluster;
  beforeAll(async () => {
    c = await startCluster({
      store: createMemoryApprovalStore(),
      policy: `
channels: { approvals: ${CHANNELS.approvals}, audit: ${CHANNELS.audit} }
roles:
  support: { actions: [user.view, user.valid_period] }
  admin: { inherits: [support], actions: ["*"] }
members:
  - { slack_user: ${PEOPLE.admin}, roles: [admin] }
  - { slack_user: ${PEOPLE.support}, roles: [support] }
approvals:
  user.valid_period: { approvers: [admin], required: 1, expires_in: 1h }
`,
    });
  });
  afterAll(async () => c.stop());

  it('goes to the approvers and changes nothing until one approves', async () => {
    c.authgear.store.addUser({ email: 'gated@example.com', accountValidUntil: iso(-1) });
    const answer = await askAndConfirm(c, PEOPLE.support, 'valid-period gated@example.com clear');
    expect(text(answer)).toContain('Sent for approval');
    const posted = await waitFor(() =>
      c.slack.messagesIn(CHANNELS.approvals).find((m) => text(m.args).includes('gated@example.com')),
    );
    expect(text(posted.args)).toContain('valid period');
    expect(c.authgear.requests.filter((r) => r.operationName === 'SetAccountValidPeriod')).toEqual([]);
  });
});
