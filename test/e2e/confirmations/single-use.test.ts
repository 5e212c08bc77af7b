/**
 * A confirmation runs once: double clicks, replays of the same signed request, and clicks landing on another
 * replica (two bots sharing one Redis) run one mutation, and a gated action opens one approval request.
 */
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RecordedRequest } from '../../fakes/authgear/index.js';
import { CHANNELS, PEOPLE } from '../../support/app.js';
import { type RedisWithClient, startRedisWithClient } from '../../support/redis.js';
import { waitFor } from '../../support/wait.js';
import { confirmValueOf } from '../account/flow.js';
import { type Cluster, startClusterOnRedis } from '../approvals/cluster.js';

const policy = `
channels: { approvals: ${CHANNELS.approvals}, audit: ${CHANNELS.audit} }
roles:
  support: { actions: [user.view, user.reset_password, user.otp, user.revoke_sessions, user.disable] }
  viewer: { actions: [user.view] }
  admin: { inherits: [support], actions: ["*"] }
members:
  - { slack_user: ${PEOPLE.admin}, roles: [admin] }
  - { slack_user: ${PEOPLE.support}, roles: [support] }
  - { slack_user: ${PEOPLE.viewer}, roles: [viewer] }
approvals:
  user.disable: { approvers: [admin], required: 1, expires_in: 1h }
`;

type Json = Record<string, unknown>;
let r: RedisWithClient;
let redis: Redis;
let c: Cluster;
let prefix: string;

beforeAll(async () => {
  r = await startRedisWithClient();
  redis = r.redis;
  ({ cluster: c, prefix } = await startClusterOnRedis(redis, { policy }));
});
afterAll(async () => {
  await c.stop();
  await r.stop();
});

let n = 0;
const newUser = (extra: { sessions?: number } = {}) => {
  n += 1;
  const email = `once${n}@example.com`;
  return { email, user: c.authgear.store.addUser({ email, name: `Once ${n}`, ...extra }) };
};

const mutationsNamed = (name: string): RecordedRequest[] =>
  c.authgear.requests.filter((r) => r.operationName === name);

/** `/authgear <text>` on replica `instance`; the confirmation it answered with. */
const confirmationFor = async (userId: string, text: string, instance = 0): Promise<Json> => {
  const cmd = await c.instances[instance]?.driver.slashCommand({ userId, text });
  return waitFor(() => c.slack.responsesTo(cmd?.responseUrlId ?? '')[0]?.body);
};

/** Every answer to one click (working state, result, refusal), as text. */
const answersTo = (id: string | undefined): string[] =>
  c.slack.responsesTo(id ?? '').map((r) => JSON.stringify(r.body));

const clickConfirm = (userId: string, value: string, instance: number) =>
  c.instances[instance]?.driver.blockAction({
    userId,
    actionId: 'confirm_action',
    blockId: 'confirm',
    value,
  }) ?? Promise.reject(new Error(`no instance ${instance}`));

describe('three clicks on one Confirm across two replicas', () => {
  it.each([
    ['reset-password', (e: string) => `reset-password ${e} generate`, 'ResetPassword', {}],
    ['otp', (e: string) => `otp ${e} login`, 'GenerateOOBOTPCode', {}],
    ['signout', (e: string) => `signout ${e}`, 'RevokeAllSessions', { sessions: 2 }],
  ] as const)(
    '%s runs exactly one mutation; the other clicks are told it already ran',
    async (_v, command, op, seed) => {
      const { email } = newUser(seed);
      const value = confirmValueOf(await confirmationFor(PEOPLE.support, command(email)));
      const before = mutationsNamed(op).length;
      const clicks = await Promise.all([0, 1, 0].map((i) => clickConfirm(PEOPLE.support, value, i)));
      expect(clicks.map((r) => r.status)).toEqual([200, 200, 200]);
      const results = await waitFor(() => {
        const all = clicks.map((r) => answersTo(r.responseUrlId).join('\n'));
        const done = all.filter((t) => t.includes(':white_check_mark:'));
        const refused = all.filter((t) => /already (running|used)/.test(t));
        return done.length + refused.length === 3 && { done, refused };
      });
      expect(results.done).toHaveLength(1);
      expect(results.refused).toHaveLength(2);
      expect(mutationsNamed(op).length - before).toBe(1);
      expect(c.audit.filter((e) => e.type === 'executed' && e.summary.includes(email))).toHaveLength(1);
    },
  );

  it('shows the one generated password, and it is the one that works', async () => {
    const { email, user } = newUser();
    const value = confirmValueOf(await confirmationFor(PEOPLE.support, `reset-password ${email} generate`));
    const clicks = await Promise.all([1, 0, 1].map((i) => clickConfirm(PEOPLE.support, value, i)));
    const secretsIn = (text: string): string[] =>
      ((JSON.parse(text) as { blocks?: Json[] }).blocks ?? [])
        .map((b) => /New password:\*\s`([^`]+)`/.exec(String((b.text as Json | undefined)?.text ?? ''))?.[1])
        .filter((p): p is string => p !== undefined);
    const shown = await waitFor(() => {
      const found = clicks.flatMap((r) => answersTo(r.responseUrlId)).flatMap(secretsIn);
      return found.length > 0 && found;
    });
    expect(shown).toHaveLength(1);
    const stored = c.authgear.store
      .user(user.id)
      ?.authenticators.find((a) => a.type === 'PASSWORD')?.password;
    expect(shown?.[0]).toBe(stored);
  });

  it('tells a later replay that the confirmation was already used and what happened, running nothing', async () => {
    const { email } = newUser({ sessions: 1 });
    const value = confirmValueOf(await confirmationFor(PEOPLE.support, `signout ${email}`));
    const first = await clickConfirm(PEOPLE.support, value, 0);
    await waitFor(() => answersTo(first.responseUrlId).some((t) => t.includes(':white_check_mark:')));
    const before = mutationsNamed('RevokeAllSessions').length;
    const late = await clickConfirm(PEOPLE.support, value, 1);
    const told = await waitFor(() => answersTo(late.responseUrlId)[0]);
    expect(told).toContain('already used. It was done.');
    expect(JSON.parse(told).replace_original).toBe(false);
    expect(mutationsNamed('RevokeAllSessions').length).toBe(before);
  });
});

const buttonValueOf = (body: Json, actionId: string): string => {
  const blocks = Array.isArray(body.blocks) ? (body.blocks as Json[]) : [];
  const button = blocks
    .flatMap((b) => (Array.isArray(b.elements) ? (b.elements as Json[]) : []))
    .find((e) => e.action_id === actionId);
  if (typeof button?.value !== 'string') throw new Error(`no ${actionId} in ${JSON.stringify(body)}`);
  return button.value;
};

const clickCancel = (userId: string, value: string, instance: number) =>
  c.instances[instance]?.driver.blockAction({
    userId,
    actionId: 'cancel_action',
    blockId: 'confirm',
    value,
  }) ?? Promise.reject(new Error(`no instance ${instance}`));

describe('Cancel', () => {
  it('voids the confirmation: a Confirm on the same card afterwards, on another replica, runs nothing', async () => {
    const { email } = newUser({ sessions: 1 });
    const card = await confirmationFor(PEOPLE.support, `signout ${email}`);
    const before = mutationsNamed('RevokeAllSessions').length;
    const cancel = await clickCancel(PEOPLE.support, buttonValueOf(card, 'cancel_action'), 0);
    const cancelled = await waitFor(() => answersTo(cancel.responseUrlId)[0]);
    expect(cancelled).toContain('Cancelled. Nothing was changed.');
    expect(JSON.parse(cancelled).replace_original).toBe(true);
    const audited = await waitFor(() =>
      c.audit.find((e) => e.type === 'cancelled' && e.actionKey === 'signout' && e.target?.label === email),
    );
    expect(audited.actor.userId).toBe(PEOPLE.support);

    const late = await clickConfirm(PEOPLE.support, confirmValueOf(card), 1);
    const told = await waitFor(() => answersTo(late.responseUrlId)[0]);
    expect(told).toContain('This action was cancelled. Nothing was changed');
    expect(mutationsNamed('RevokeAllSessions').length).toBe(before);
    expect(c.audit.filter((e) => e.target?.label.includes(email) && e.type !== 'cancelled')).toEqual([]);
  });

  it('races Confirm with exactly one winner: either it ran or it was cancelled, never both', async () => {
    const { email } = newUser({ sessions: 1 });
    const card = await confirmationFor(PEOPLE.support, `signout ${email}`);
    const before = mutationsNamed('RevokeAllSessions').length;
    const [cancel, confirm] = await Promise.all([
      clickCancel(PEOPLE.support, buttonValueOf(card, 'cancel_action'), 0),
      clickConfirm(PEOPLE.support, confirmValueOf(card), 1),
    ]);
    const outcome = await waitFor(() => {
      const confirmText = answersTo(confirm.responseUrlId).join('\n');
      const cancelText = answersTo(cancel.responseUrlId).join('\n');
      if (confirmText.includes(':white_check_mark:') && /already running|already used/.test(cancelText))
        return 'ran';
      if (cancelText.includes('Cancelled. Nothing was changed.') && confirmText.includes('was cancelled'))
        return 'cancelled';
      return undefined;
    });
    expect(mutationsNamed('RevokeAllSessions').length - before).toBe(outcome === 'ran' ? 1 : 0);
  });

  it('is refused for someone the confirmation was not shown to, audited as denied, and leaves it for its owner', async () => {
    const { email } = newUser({ sessions: 1 });
    const card = await confirmationFor(PEOPLE.support, `reset-password ${email} send`);
    const strangerClick = async () => {
      const stranger = await clickCancel(PEOPLE.viewer, buttonValueOf(card, 'cancel_action'), 1);
      expect(await waitFor(() => answersTo(stranger.responseUrlId)[0])).toContain(
        'Only the person who started this action can cancel it.',
      );
    };
    const denials = () =>
      c.audit.filter(
        (e) => e.type === 'denied' && e.actor.userId === PEOPLE.viewer && e.actionKey === 'reset-password',
      );
    await strangerClick();
    const denied = await waitFor(() => denials()[0]);
    expect([denied.errorCode, denied.reason]).toEqual([
      'confirmation.not_yours',
      'clicked Cancel on a confirmation shown to someone else',
    ]);
    // A repeat is counted with the first, as every denial is (reported when its window ends), not posted again.
    await strangerClick();
    expect(denials()).toHaveLength(1);
    const owner = await clickConfirm(PEOPLE.support, confirmValueOf(card), 0);
    await waitFor(() => answersTo(owner.responseUrlId).some((t) => t.includes(':white_check_mark:')));
  });
});

describe('a gated action', () => {
  it('opens one approval request for one click plus 20 replays of the same signed request on two replicas', async () => {
    const { email } = newUser();
    const value = confirmValueOf(await confirmationFor(PEOPLE.support, `disable ${email} left the company`));
    const driver = c.instances[0]?.driver;
    if (!driver) throw new Error('no driver');
    const request = driver.buildBlockAction({
      userId: PEOPLE.support,
      actionId: 'confirm_action',
      blockId: 'confirm',
      value,
    });
    // One response_url takes 5 posts (Slack's limit): the answers beyond them go by DM.
    c.slack.expectRefusal({ method: 'response_url', error: 'used_url' });
    const timestamp = Math.floor(Date.now() / 1000);
    const sent = await Promise.all(
      Array.from({ length: 21 }, (_, i) =>
        c.instances[i % 2]?.driver.send(request.body, request.contentType, { timestamp }),
      ),
    );
    expect(sent.map((r) => r?.status)).toEqual(Array(21).fill(200));
    const told = () => [
      ...answersTo(request.responseUrlId),
      ...c.slack.messagesIn(c.slack.dmChannelFor(PEOPLE.support)).map((m) => JSON.stringify(m.args)),
    ];
    await waitFor(() => told().some((t) => t.includes('Sent for approval')));
    await waitFor(() => told().filter((t) => /already (running|used)/.test(t)).length === 20, {
      timeoutMs: 10_000,
    });
    const cards = c.slack
      .messagesIn(CHANNELS.approvals)
      .filter((m) => JSON.stringify(m.args).includes(email) && m.args.ts === undefined);
    expect(cards).toHaveLength(1);
    const pending = await c.instances[0]?.approvals.requestsBy(PEOPLE.support, 100);
    expect(pending?.filter((r) => r.summary.includes(email))).toHaveLength(1);
    expect(c.audit.filter((e) => e.type === 'requested' && e.summary.includes(email))).toHaveLength(1);
    expect(
      mutationsNamed('SetDisabledStatus').filter((m) => JSON.stringify(m.variables).includes(email)),
    ).toEqual([]);
  });
});

describe('who may confirm', () => {
  it('refuses and audits a Confirm clicked by someone it was not shown to, and still lets its owner confirm', async () => {
    const { email } = newUser({ sessions: 1 });
    const value = confirmValueOf(await confirmationFor(PEOPLE.support, `signout ${email}`));
    const before = mutationsNamed('RevokeAllSessions').length;
    const stolen = await clickConfirm(PEOPLE.viewer, value, 1);
    expect(await waitFor(() => answersTo(stolen.responseUrlId)[0])).toContain(
      'Only the person who started this action can confirm it.',
    );
    const denied = await waitFor(() =>
      c.audit.find(
        (e) => e.type === 'denied' && e.actor.userId === PEOPLE.viewer && e.actionKey === 'signout',
      ),
    );
    expect(denied.errorCode).toBe('confirmation.not_yours');
    expect(mutationsNamed('RevokeAllSessions').length).toBe(before);
    const owner = await clickConfirm(PEOPLE.support, value, 0);
    await waitFor(() => answersTo(owner.responseUrlId).some((t) => t.includes(':white_check_mark:')));
    expect(mutationsNamed('RevokeAllSessions').length).toBe(before + 1);
  });

  it('refuses a Confirm button that carries an action and its input (from before confirmations were stored)', async () => {
    const { user } = newUser();
    const legacy = JSON.stringify({ v: 1, k: 'delete-now', i: { userId: user.id, reason: 'forged' } });
    const click = await clickConfirm(PEOPLE.admin, legacy, 0);
    expect(await waitFor(() => answersTo(click.responseUrlId)[0])).toContain('earlier version');
    expect(c.authgear.requests.filter((r) => r.operationName === 'DeleteUser')).toEqual([]);
  });

  it('refuses an unknown confirmation ID as expired', async () => {
    const click = await clickConfirm(PEOPLE.support, 'cf_AAAAAAAAAAAAAAAAAAAAAA', 1);
    expect(await waitFor(() => answersTo(click.responseUrlId)[0])).toContain('expired');
  });
});

describe('a confirmed change Authgear applied but did not confirm', () => {
  it('says the outcome is unknown and to check, audits it as unknown, and a replay says the same', async () => {
    const { email, user } = newUser({ sessions: 2 });
    const value = confirmValueOf(await confirmationFor(PEOPLE.support, `signout ${email}`));
    c.authgear.failNextMutation({ kind: 'network', afterApplying: true });
    const click = await clickConfirm(PEOPLE.support, value, 0);
    const answer = await waitFor(() =>
      answersTo(click.responseUrlId).find((t) => t.includes('did not confirm')),
    );
    expect(answer).toContain('Check the user in Authgear');
    expect(answer).not.toMatch(/fail/i);
    expect(c.authgear.store.user(user.id)?.sessions).toEqual([]); // it did happen
    const events = await waitFor(() => {
      const found = c.audit.filter((e) => e.summary.includes(email) && e.type !== 'requested');
      return found.length > 0 && found;
    });
    expect(events.map((e) => e.type)).toEqual(['executing', 'unknown']);
    const replay = await clickConfirm(PEOPLE.support, value, 1);
    expect(await waitFor(() => answersTo(replay.responseUrlId)[0])).toContain(
      'did not confirm whether it was done',
    );
  });
});

describe('an unexpected error on the Confirm path', () => {
  it('reaches the person with a reference, and the log line carries the same reference', async () => {
    const id = 'cf_CCCCCCCCCCCCCCCCCCCCCC';
    await redis.set(`${prefix}confirm:{${id}}`, 'not a hash');
    const click = await clickConfirm(PEOPLE.support, id, 0);
    const answer = await waitFor(() => answersTo(click.responseUrlId)[0]);
    const ref = /Reference: `([0-9a-f]{8})`/.exec(answer)?.[1];
    expect(ref).toBeDefined();
    const line = c.instances[0]?.logs.map((l) => JSON.parse(l) as Json).find((l) => l.ref === ref);
    expect(line).toMatchObject({ level: 50, code: 'internal', handler: 'confirm_action' });
    expect(String(line?.stack)).toMatch(/^at /);
  });
});
