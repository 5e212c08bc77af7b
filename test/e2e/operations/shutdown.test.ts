/**
 * Graceful shutdown through the real signal path: src/main.ts runs as its own process (as `node dist/main.js` does,
 * from a .env file, against the fakes and a private Redis) and gets a real SIGTERM while actions are running on a
 * slow (3 s) Admin API. Running executions finish within SHUTDOWN_GRACE_MS, each with its audit event and the
 * requester's message; new requests are told the bot is restarting; the audit outbox is flushed; exit 0.
 */
import type { ChildProcess } from 'node:child_process';
import type { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { connectRedis, createRedisApprovalStore } from '../../../src/approvals/redis-store.js';
import { RESTARTING_TEXT } from '../../../src/blocks/restarting.js';
import { type AuthgearFake, startAuthgearFake } from '../../fakes/authgear/index.js';
import { type SlackFake, startSlackFake } from '../../fakes/slack/index.js';
import { CHANNELS, PEOPLE } from '../../support/app.js';
import { auditLinesIn } from '../../support/audit.js';
import {
  CHILD_PROJECT_ID,
  CHILD_SIGNING_SECRET,
  exitOf,
  spawnMainFromSource,
  writeAppDir,
} from '../../support/child-app.js';
import { type AdminKey, makeAdminKey } from '../../support/keys.js';
import { freePort, type PrivateRedis, startPrivateRedis, uniquePrefix } from '../../support/redis.js';
import { createSlackDriver, type SlackDriver } from '../../support/slack-driver.js';
import { waitFor } from '../../support/wait.js';
import { confirmValueOf } from '../account/flow.js';
import { approvalPolicy } from '../approvals/cluster.js';
import { approvalIdOf } from '../approvals/flow.js';

type Json = Record<string, unknown>;

let key: AdminKey;
let slack: SlackFake;
let authgear: AuthgearFake;
let redis: PrivateRedis;
let redisClient: Redis;

beforeAll(async () => {
  key = makeAdminKey();
  slack = await startSlackFake({
    users: [
      { id: PEOPLE.admin, name: 'ada', email: 'ada@ops.example.com' },
      { id: PEOPLE.support, name: 'sam', email: 'sam@ops.example.com' },
    ],
    channels: [
      { id: CHANNELS.approvals, name: 'approvals', members: ['U0AUTHBOT', PEOPLE.admin] },
      { id: CHANNELS.audit, name: 'audit', members: ['U0AUTHBOT'] },
    ],
  });
  authgear = await startAuthgearFake({
    projectId: CHILD_PROJECT_ID,
    keyId: key.keyId,
    publicKeyPem: key.publicKeyPem,
  });
  redis = await startPrivateRedis();
  redisClient = connectRedis(redis.url);
});
afterAll(async () => {
  redisClient.disconnect();
  await Promise.all([slack.close(), authgear.close(), redis.stop()]);
});

/** The bot as a process, its output, and a driver that signs requests for it. */
interface Bot {
  child: ChildProcess;
  output: string[];
  driver: SlackDriver;
  base: string;
  prefix: string;
  exit: Promise<number | null>;
}

const running: Bot[] = [];
afterEach(() => {
  authgear.setLatency(0);
  for (const bot of running.splice(0)) if (bot.child.exitCode === null) bot.child.kill('SIGKILL');
});

const startBot = async (extraEnv: Record<string, string> = {}): Promise<Bot> => {
  const port = await freePort();
  const prefix = uniquePrefix();
  const cwd = writeAppDir({
    slack,
    authgear,
    key,
    port,
    redis: { url: redis.url, prefix },
    policy: approvalPolicy(1),
    extraEnv,
  });
  const child = spawnMainFromSource(cwd);
  const output: string[] = [];
  child.stdout?.on('data', (d: Buffer) => output.push(d.toString()));
  child.stderr?.on('data', (d: Buffer) => output.push(d.toString()));
  const bot: Bot = {
    child,
    output,
    prefix,
    base: `http://127.0.0.1:${port}`,
    driver: createSlackDriver({
      url: `http://127.0.0.1:${port}/slack/events`,
      signingSecret: CHILD_SIGNING_SECRET,
      responseUrl: (id, source) => slack.responseUrl(id, source),
    }),
    exit: exitOf(child),
  };
  running.push(bot);
  await waitFor(() => output.join('').includes('authgear-slack is running') || child.exitCode !== null, {
    timeoutMs: 30_000,
    message: 'the start-up line',
  });
  expect(child.exitCode, output.join('')).toBeNull();
  return bot;
};

/** Log lines of the bot, parsed. */
const lines = (bot: Bot): Json[] =>
  bot.output
    .join('')
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as Json);

const finalResponse = (id: string | undefined): Promise<Json> =>
  waitFor(
    () =>
      slack
        .responsesTo(id ?? '')
        .map((r) => r.body as Json)
        .find((b) => !String(b.text ?? '').endsWith('…')),
    { timeoutMs: 30_000, message: `final response to ${id}` },
  );

/** `/authgear <text>` as `userId` and its ephemeral confirmation. */
const ask = async (bot: Bot, userId: string, text: string): Promise<Json> => {
  const cmd = await bot.driver.slashCommand({ userId, text });
  expect(cmd.status).toBe(200);
  return waitFor(() => slack.responsesTo(cmd.responseUrlId ?? '')[0]?.body as Json | undefined, {
    message: `confirmation of ${text}`,
  });
};

const confirm = (bot: Bot, userId: string, confirmation: Json) =>
  bot.driver.blockAction({
    userId,
    actionId: 'confirm_action',
    blockId: 'confirm',
    value: confirmValueOf(confirmation),
  });

/** support asks to disable `email` (needs one admin's approval); returns the approval ID from the card. */
const requestDisable = async (bot: Bot, email: string): Promise<string> => {
  const click = await confirm(
    bot,
    PEOPLE.support,
    await ask(bot, PEOPLE.support, `disable ${email} leaving`),
  );
  expect(JSON.stringify(await finalResponse(click.responseUrlId))).toContain('Sent for approval');
  const card = await waitFor(() =>
    slack
      .messagesIn(CHANNELS.approvals)
      .map((m) => m.args)
      .find((a) => JSON.stringify(a).includes(email) && a.ts === undefined),
  );
  return approvalIdOf(card);
};

const approve = (bot: Bot, id: string) =>
  bot.driver.blockAction({
    userId: PEOPLE.admin,
    actionId: 'approval_approve',
    blockId: 'approval',
    value: id,
    channelId: CHANNELS.approvals,
  });

const mutations = (name: string) => authgear.requests.filter((r) => r.query.includes(name));
const auditLines = (): string[] => auditLinesIn(slack, CHANNELS.audit);
const recordState = async (prefix: string, id: string) =>
  (await createRedisApprovalStore({ redis: redisClient, prefix }).get(id))?.state;

describe('SIGTERM with a slow Admin API', () => {
  it('finishes the approved and the confirmed action already running, answers new requests kindly, flushes the audit and exits 0', async () => {
    slack.clear();
    const bot = await startBot();
    const leaving = authgear.store.addUser({ email: 'leaving@example.com' });
    const back = authgear.store.addUser({ email: 'back@example.com', isDisabled: true });
    const id = await requestDisable(bot, 'leaving@example.com');
    const enableConfirmation = await ask(bot, PEOPLE.support, 'enable back@example.com');
    const disablesBefore = mutations('setDisabledStatus').length;

    authgear.setLatency(3000);
    const approveClick = await approve(bot, id);
    expect(approveClick.status).toBe(200);
    const enableClick = await confirm(bot, PEOPLE.support, enableConfirmation);
    expect(enableClick.status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 500));
    bot.child.kill('SIGTERM');

    // At once: not ready, and a new request is turned away with a kind answer in its ack.
    await waitFor(() => lines(bot).some((l) => l.msg === 'shutting down'), { message: 'the shutdown line' });
    const ready = await fetch(`${bot.base}/readyz`);
    expect(ready.status).toBe(503);
    const late = await bot.driver.slashCommand({ userId: PEOPLE.support, text: 'user leaving@example.com' });
    expect(late.status).toBe(200);
    expect(late.body).toContain(RESTARTING_TEXT);

    expect(await bot.exit).toBe(0);

    // Both actions ran once, to the end.
    expect(mutations('setDisabledStatus')).toHaveLength(disablesBefore + 2);
    expect(authgear.store.user(leaving.id)?.isIndefinitelyDisabled).toBe(true);
    expect(authgear.store.user(back.id)?.isIndefinitelyDisabled).toBe(false);
    expect(await recordState(bot.prefix, id)).toBe('executed');
    // The requester heard of each: a DM for the approved one, the confirm's response_url for the other.
    const dm = JSON.stringify(slack.messagesIn(slack.dmChannelFor(PEOPLE.support)).map((m) => m.args));
    expect(dm).toContain('Approved and done');
    expect(JSON.stringify(await finalResponse(enableClick.responseUrlId))).toContain('white_check_mark');
    // The audit channel got executing and executed for both before the process left.
    const audit = auditLines();
    expect(audit.filter((l) => l.includes('*executing*'))).toHaveLength(2);
    expect(audit.filter((l) => l.includes('*executed*'))).toHaveLength(2);
    const stopped = lines(bot).find((l) => l.msg === 'stopped');
    expect(stopped).toMatchObject({ drained: true, abandoned: 0, auditFlushed: true });
    // The late command ran nothing: no answer ever came through its response_url.
    expect(slack.responsesTo(late.responseUrlId ?? '')).toEqual([]);
  }, 60_000);

  it('stops waiting at SHUTDOWN_GRACE_MS: exits 1 and says what was still running; the approval stays executing for the sweeper', async () => {
    const bot = await startBot({ SHUTDOWN_GRACE_MS: '1000' });
    authgear.store.addUser({ email: 'stuck@example.com' });
    const id = await requestDisable(bot, 'stuck@example.com');
    const held = authgear.hold();
    try {
      await approve(bot, id);
      await waitFor(() => held.waiting() > 0, { message: 'the run reaching Authgear' });
      bot.child.kill('SIGTERM');
      expect(await bot.exit).toBe(1);
      const cut = lines(bot).find((l) => String(l.msg).startsWith('grace period over'));
      expect(cut).toMatchObject({ abandoned: 1, graceMs: 1000 });
      expect(lines(bot).find((l) => l.msg === 'stopped')).toMatchObject({ drained: false, abandoned: 1 });
      expect(await recordState(bot.prefix, id)).toBe('executing');
    } finally {
      held.release();
    }
  }, 60_000);

  it('exits at once on a second signal', async () => {
    const bot = await startBot();
    authgear.store.addUser({ email: 'twice@example.com' });
    const id = await requestDisable(bot, 'twice@example.com');
    const held = authgear.hold();
    try {
      await approve(bot, id);
      await waitFor(() => held.waiting() > 0, { message: 'the run reaching Authgear' });
      bot.child.kill('SIGTERM');
      await waitFor(() => lines(bot).some((l) => l.msg === 'shutting down'), {
        message: 'the shutdown line',
      });
      bot.child.kill('SIGTERM');
      expect(await bot.exit).toBe(1);
      expect(lines(bot).some((l) => l.msg === 'second signal: exiting now')).toBe(true);
      expect(lines(bot).some((l) => l.msg === 'stopped')).toBe(false);
      expect(held.waiting()).toBe(1); // the run was still waiting on Authgear when the process left
    } finally {
      held.release();
    }
  }, 60_000);
});
