/**
 * A secret produced by an approved action is delivered as a Reveal button in the requester's DM, revealed once in
 * a modal (which Slack does not keep) to the requester only, and never appears in a message, a log line (at
 * LOG_LEVEL=debug), the audit trail or Redis. Delivery failures and unknown outcomes are said as such.
 */
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNELS, PEOPLE } from '../../support/app.js';
import { type RedisWithClient, startRedisWithClient } from '../../support/redis.js';
import { waitFor } from '../../support/wait.js';
import { buttonsOf } from '../account/flow.js';
import { type Cluster, startClusterOnRedis } from './cluster.js';
import { approvalIdOf, askAndConfirm, click, toldAbout } from './flow.js';

const policy = `
channels: { approvals: ${CHANNELS.approvals}, audit: ${CHANNELS.audit} }
roles:
  support: { actions: [user.view, user.otp, user.disable] }
  admin: { inherits: [support], actions: ["*"] }
members:
  - { slack_user: ${PEOPLE.admin}, roles: [admin] }
  - { slack_user: ${PEOPLE.support}, roles: [support] }
approvals:
  user.otp: { approvers: [admin], required: 1, expires_in: 1h }
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

const otpRequests = () => c.authgear.requests.filter((r) => r.query.includes('generateOOBOTPCode'));
const text = (v: unknown) => JSON.stringify(v);
const dmOf = (userId: string) => c.slack.messagesIn(c.slack.dmChannelFor(userId)).map((m) => m.args);

/** Everything Redis holds under this run's prefix, as text. */
const redisDump = async (): Promise<string> => {
  const keys = await redis.keys(`${prefix}*`);
  const values = await Promise.all(
    keys.map(async (k) => {
      const type = await redis.type(k);
      if (type === 'hash') return JSON.stringify(await redis.hgetall(k));
      if (type === 'string') return (await redis.get(k)) ?? '';
      if (type === 'zset') return JSON.stringify(await redis.zrange(k, '0', '-1'));
      if (type === 'stream') return JSON.stringify(await redis.xrange(k, '-', '+'));
      return type;
    }),
  );
  return keys.concat(values).join('\n');
};

/** support asks for `command` on replica 0; an admin approves on replica 1; returns the approval's ID. */
const approved = async (command: string, marker: string): Promise<string> => {
  await askAndConfirm(c, PEOPLE.support, command);
  const card = await waitFor(() =>
    c.slack.messagesIn(CHANNELS.approvals).find((m) => text(m.args).includes(marker)),
  );
  const id = approvalIdOf(card.args);
  await click(c, PEOPLE.admin, 'approval_approve', id, 1);
  return id;
};

const revealOn = (userId: string, value: string, dmTs: string, instance: number) =>
  c.instances[instance]?.driver.blockAction({
    userId,
    actionId: 'reveal_secret',
    blockId: 'reveal',
    value,
    channelId: c.slack.dmChannelFor(PEOPLE.support),
    message: { type: 'message', ts: dmTs, text: 'secret ready' },
  }) ?? Promise.reject(new Error('no instance'));

describe('a secret after approval', () => {
  it('is never in a chat.postMessage text or blocks, and is revealed once, to the requester only, in a modal', async () => {
    c.authgear.store.addUser({ email: 'otp-target@example.com' });
    await approved('otp otp-target@example.com', 'otp-target');
    await waitFor(() => otpRequests().length === 1);
    const sent = await waitFor(() => c.authgear.store.sentMessages.find((m) => m.kind === 'otp_code'));
    const code = 'code' in sent ? String(sent.code) : '';
    expect(code).toMatch(/^\d{6}$/);
    const pattern = new RegExp(`(^|\\D)${code}(\\D|$)`);

    const dm = await waitFor(() => dmOf(PEOPLE.support).find((m) => text(m).includes('reveal_secret')));
    const reveal = buttonsOf(dm).find((b) => b.action_id === 'reveal_secret');
    expect(text(dm)).toMatch(/Reveal it once, before \*\d\d:\d\d UTC\*/);
    const posted = c.slack
      .callsTo('chat.postMessage')
      .map((call) => text([call.args.text, call.args.blocks]));
    expect(posted.filter((p) => pattern.test(p))).toEqual([]);

    const dmTs = String(
      c.slack.messagesIn(c.slack.dmChannelFor(PEOPLE.support)).at(-1)?.response?.ts ?? '1.1',
    );
    const value = String(reveal?.value);
    const stolen = await revealOn(PEOPLE.admin, value, dmTs, 0);
    expect(stolen.status).toBe(200);
    await waitFor(() =>
      text(c.slack.callsTo('views.update').at(-1)?.args).includes('Only the person who asked'),
    );

    const mine = await revealOn(PEOPLE.support, value, dmTs, 1);
    const shown = await waitFor(() =>
      c.slack.callsTo('views.update').find((u) => pattern.test(text(u.args.view))),
    );
    expect(text(shown.args.view)).toContain('One-time code');
    const revealedNote = await waitFor(() => c.slack.responsesTo(mine.responseUrlId ?? '')[0]?.body as Json);
    expect(revealedNote).toMatchObject({ replace_original: true });
    expect(text(revealedNote)).toMatch(/Revealed at \d\d:\d\d UTC/);
    expect(buttonsOf(revealedNote)).toEqual([]);

    const again = await revealOn(PEOPLE.support, value, dmTs, 0);
    expect(again.status).toBe(200);
    await waitFor(() => text(c.slack.callsTo('views.update').at(-1)?.args).includes('already revealed'));

    // Only the modal (views.update) ever carried it: no message, response, audit event, log line or Redis value.
    const elsewhere = c.slack.calls.filter((call) => call.method !== 'views.update');
    expect(elsewhere.filter((call) => pattern.test(text(call.args)))).toEqual([]);
    expect(c.slack.responses.filter((r) => pattern.test(text(r.body)))).toEqual([]);
    expect(pattern.test(text(c.audit))).toBe(false);
    const logs = c.instances.flatMap((i) => i.logs);
    expect(logs.some((l) => l.includes('"level":20'))).toBe(true); // the run logged at debug
    expect(logs.filter((l) => pattern.test(l))).toEqual([]);
    expect(pattern.test(await redisDump())).toBe(false);
  });

  it('expires after its window: a late Reveal says so and shows nothing', async () => {
    c.authgear.store.addUser({ email: 'otp-late@example.com' });
    await approved('otp otp-late@example.com', 'otp-late');
    const dm = await waitFor(() =>
      dmOf(PEOPLE.support).find((m) => text(m).includes('reveal_secret') && text(m).includes('otp-late')),
    );
    const value = String(buttonsOf(dm).find((b) => b.action_id === 'reveal_secret')?.value);
    c.advance(16 * 60_000);
    const updates = c.slack.callsTo('views.update').length;
    await revealOn(PEOPLE.support, value, '1.2', 0);
    const notice = await waitFor(() => c.slack.callsTo('views.update').slice(updates)[0]);
    expect(text(notice.args.view)).toContain('expired');
    expect(await redis.exists(`${prefix}secret:{${value}}`)).toBe(0);
  });

  it('tells the requester and the approver when the secret cannot be delivered, and that it may need regenerating', async () => {
    c.authgear.store.addUser({ email: 'otp-lost@example.com' });
    await askAndConfirm(c, PEOPLE.support, 'otp otp-lost@example.com');
    const card = await waitFor(() =>
      c.slack.messagesIn(CHANNELS.approvals).find((m) => text(m.args).includes('otp-lost')),
    );
    c.slack.failNext('chat.postMessage', { times: 1, error: 'channel_not_found' });
    const approved = await click(c, PEOPLE.admin, 'approval_approve', approvalIdOf(card.args), 0);
    const toApprover = await toldAbout(c, approved);
    expect(toApprover).toContain('could not be delivered');
    expect(toApprover).toContain('may need regenerating');
    const toRequester = await waitFor(() =>
      dmOf(PEOPLE.support).find(
        (m) => text(m).includes('otp-lost@example.com') && text(m).includes('could not be delivered'),
      ),
    );
    expect(text(toRequester)).toContain('may need regenerating');
    expect(c.audit.filter((e) => e.type === 'executed' && e.summary.includes('otp-lost'))).toHaveLength(1);
  });
});

describe('an approved change Authgear applied but did not confirm', () => {
  it('is reported as unknown (card, DM, approver, audit), never as failed', async () => {
    const user = c.authgear.store.addUser({ email: 'unknown-outcome@example.com' });
    await askAndConfirm(c, PEOPLE.support, 'disable unknown-outcome@example.com left');
    const card = await waitFor(() =>
      c.slack.messagesIn(CHANNELS.approvals).find((m) => text(m.args).includes('unknown-outcome')),
    );
    c.authgear.failNextMutation({ kind: 'http', status: 502, afterApplying: true });
    const approved = await click(c, PEOPLE.admin, 'approval_approve', approvalIdOf(card.args), 1);
    await waitFor(() => text(c.slack.callsTo('chat.update').at(-1)?.args).includes('Outcome unknown'));
    expect(c.authgear.store.status(user).isDisabled).toBe(true); // it did happen
    const dm = await waitFor(() =>
      dmOf(PEOPLE.support).find((m) => text(m).includes('did not confirm whether it was done')),
    );
    expect(text(dm)).not.toMatch(/failed/);
    const note = await toldAbout(c, approved);
    expect(note).toContain('did not confirm');
    expect(note).toContain('Check in Authgear');
    const events = c.audit.filter((e) => e.summary.includes('unknown-outcome'));
    expect(events.map((e) => e.type)).toContain('unknown');
    expect(events.map((e) => e.type)).not.toContain('failed');
  });
});
