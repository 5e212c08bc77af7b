import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { App, HTTPReceiver } from '@slack/bolt';
import { ErrorCode, WebClient } from '@slack/web-api';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type SlackFake, startSlackFake } from '../fakes/slack/index.js';
import { quietLogger } from '../support/quiet-logger.js';
import { createSlackDriver } from '../support/slack-driver.js';
import { waitFor } from '../support/wait.js';

const TOKEN = 'xoxb-test-token';
let fake: SlackFake;
let client: WebClient;

const section = (text: string) => ({ type: 'section', text: { type: 'mrkdwn', text } });

beforeAll(async () => {
  fake = await startSlackFake({
    users: [{ id: 'U0ALICE', name: 'alice', realName: 'Alice Liddell', email: 'alice@example.com' }],
    usergroups: { S0SUPPORT: ['U0ALICE', 'U0BOB'] },
    channels: [{ id: 'C0OPS', name: 'ops' }],
  });
  client = new WebClient(TOKEN, {
    slackApiUrl: fake.apiUrl,
    logger: quietLogger,
    rejectRateLimitedCalls: true,
    retryConfig: { retries: 0 },
  });
});

afterAll(async () => {
  await fake.close();
});

beforeEach(() => {
  fake.clear();
});

describe('Slack Web API fake driven by a real WebClient', () => {
  it('records chat.postMessage with its blocks parsed back into objects', async () => {
    const blocks = [section('*Approve?*')];
    const result = await client.chat.postMessage({ channel: 'C0OPS', text: 'Approve?', blocks });
    expect(result.ok).toBe(true);
    expect(result.channel).toBe('C0OPS');
    expect(result.ts).toMatch(/^\d+\.\d{6}$/);
    expect(result.message?.blocks).toEqual(blocks);
    const [call] = fake.callsTo('chat.postMessage');
    expect(call?.args).toEqual({ channel: 'C0OPS', text: 'Approve?', blocks });
    expect(call?.token).toBe(TOKEN);
    expect(fake.messagesIn('C0OPS')).toHaveLength(1);
    expect(fake.violations).toEqual([]);
  });

  it('tracks chat.update as a message in the channel', async () => {
    const posted = await client.chat.postMessage({ channel: 'C0OPS', text: 'pending' });
    await client.chat.update({ channel: 'C0OPS', ts: posted.ts ?? '', text: 'approved' });
    expect(fake.messagesIn('C0OPS').map((c) => [c.method, c.args.text])).toEqual([
      ['chat.postMessage', 'pending'],
      ['chat.update', 'approved'],
    ]);
  });

  it('surfaces a 429 with its Retry-After to a client that rejects rate-limited calls', async () => {
    fake.rateLimit('chat.postMessage', { times: 1, retryAfterSeconds: 7 });
    await expect(client.chat.postMessage({ channel: 'C0OPS', text: 'audit' })).rejects.toMatchObject({
      code: ErrorCode.RateLimitedError,
      retryAfter: 7,
    });
    await expect(client.chat.postMessage({ channel: 'C0OPS', text: 'audit' })).resolves.toMatchObject({
      ok: true,
    });
    expect(fake.callsTo('chat.postMessage').map((c) => c.status)).toEqual([429, 200]);
    expect(fake.messagesIn('C0OPS')).toHaveLength(1);
  });

  it('answers users.info from seeded users and user_not_found otherwise', async () => {
    fake.expectRefusal({ method: 'users.info', error: 'user_not_found' });
    const found = await client.users.info({ user: 'U0ALICE' });
    expect(found.user).toMatchObject({
      id: 'U0ALICE',
      name: 'alice',
      real_name: 'Alice Liddell',
      profile: { email: 'alice@example.com' },
    });
    await expect(client.users.info({ user: 'U0NOBODY' })).rejects.toMatchObject({
      code: ErrorCode.PlatformError,
      data: { ok: false, error: 'user_not_found' },
    });
  });

  it('answers users.lookupByEmail and usergroups.users.list from seeds', async () => {
    await expect(client.users.lookupByEmail({ email: 'ALICE@example.com' })).resolves.toMatchObject({
      user: { id: 'U0ALICE' },
    });
    await expect(client.usergroups.users.list({ usergroup: 'S0SUPPORT' })).resolves.toMatchObject({
      users: ['U0ALICE', 'U0BOB'],
    });
  });

  it('rejects invalid blocks with invalid_blocks and records the violation', async () => {
    fake.expectRefusal({ method: 'chat.postMessage', error: 'invalid_blocks' });
    const blocks = [{ type: 'header', text: { type: 'plain_text', text: 'x'.repeat(151) } }];
    await expect(client.chat.postMessage({ channel: 'C0OPS', text: 't', blocks })).rejects.toMatchObject({
      data: { ok: false, error: 'invalid_blocks' },
    });
    expect(fake.violations).toHaveLength(1);
    expect(fake.violations[0]).toMatchObject({ method: 'chat.postMessage', surface: 'message' });
    expect(fake.violations[0]?.errors.join('\n')).toContain('header text is 151 chars (max 150)');
    expect(fake.messagesIn('C0OPS')).toEqual([]);
  });

  it('rejects a message with more than 50 blocks', async () => {
    fake.expectRefusal({ method: 'chat.postMessage', error: 'invalid_blocks' });
    const blocks = Array.from({ length: 51 }, (_, i) => section(`row ${i}`));
    await expect(client.chat.postMessage({ channel: 'C0OPS', text: 't', blocks })).rejects.toMatchObject({
      data: { error: 'invalid_blocks' },
    });
    expect(fake.violations[0]?.errors).toContain('blocks has 51 blocks (max 50)');
  });

  it('opens a modal, returns a view with an id, and rejects a modal title over 24 characters', async () => {
    const view = {
      type: 'modal' as const,
      callback_id: 'cb',
      title: { type: 'plain_text' as const, text: 'Confirm' },
      blocks: [section('Sure?')],
    };
    fake.expectRefusal({ method: 'views.open', error: 'invalid_blocks' });
    const opened = await client.views.open({ trigger_id: fake.issueTriggerId(), view });
    expect(opened.view).toMatchObject({ id: expect.stringMatching(/^V/), callback_id: 'cb', type: 'modal' });
    const longTitle = {
      ...view,
      title: { type: 'plain_text' as const, text: 'A title that is far too long' },
    };
    await expect(
      client.views.open({ trigger_id: fake.issueTriggerId(), view: longTitle }),
    ).rejects.toMatchObject({
      data: { error: 'invalid_blocks' },
    });
    expect(fake.violations.map((v) => v.surface)).toEqual(['modal']);
  });

  it('publishes an App Home view', async () => {
    const result = await client.views.publish({
      user_id: 'U0ALICE',
      view: { type: 'home', blocks: [section('Hi')] },
    });
    expect(result.view).toMatchObject({ type: 'home', id: expect.any(String) });
    expect(fake.callsTo('views.publish')[0]?.args.view).toEqual({ type: 'home', blocks: [section('Hi')] });
  });

  it('opens a DM channel per user and files messages posted to a user ID under it', async () => {
    const opened = await client.conversations.open({ users: 'U0ALICE' });
    expect(opened.channel?.id).toBe(fake.dmChannelFor('U0ALICE'));
    await client.chat.postMessage({ channel: 'U0ALICE', text: 'your OTP' });
    expect(fake.messagesIn(fake.dmChannelFor('U0ALICE'))).toHaveLength(1);
  });

  it('records ephemeral messages by recipient', async () => {
    const result = await client.chat.postEphemeral({ channel: 'C0OPS', user: 'U0ALICE', text: 'only you' });
    expect(result.message_ts).toBeDefined();
    expect(fake.ephemeralsTo('U0ALICE').map((c) => c.args.text)).toEqual(['only you']);
  });

  it('fails the next call with an armed error, then recovers', async () => {
    fake.failNext('chat.postMessage', { error: 'internal_error' });
    await expect(client.chat.postMessage({ channel: 'C0OPS', text: 'a' })).rejects.toMatchObject({
      data: { error: 'internal_error' },
    });
    await expect(client.chat.postMessage({ channel: 'C0OPS', text: 'a' })).resolves.toMatchObject({
      ok: true,
    });
  });

  it('answers unknown_method for methods it does not implement', async () => {
    fake.expectRefusal({ error: 'unknown_method' });
    await expect(client.apiCall('admin.nothing.here')).rejects.toMatchObject({
      data: { error: 'unknown_method' },
    });
  });

  it('records response_url posts and rejects invalid blocks there too', async () => {
    fake.expectRefusal({ method: 'response_url', error: 'invalid_blocks' });
    const ok = await fetch(fake.responseUrl('abc'), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ response_type: 'ephemeral', text: 'done', replace_original: false }),
    });
    expect(ok.status).toBe(200);
    expect(fake.responsesTo('abc').map((r) => r.body)).toEqual([
      { response_type: 'ephemeral', text: 'done', replace_original: false },
    ]);
    const bad = await fetch(fake.responseUrl('abc'), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ text: 'x', blocks: [{ type: 'nonsense' }] }),
    });
    expect(bad.status).toBe(400);
    expect(fake.violations).toMatchObject([{ method: 'response_url', responseId: 'abc' }]);
  });
});

describe('Slack Web API fake options', () => {
  it('accepts only the configured token', async () => {
    const strict = await startSlackFake({ token: 'xoxb-right' });
    strict.expectRefusal({ method: 'auth.test', error: 'invalid_auth' });
    try {
      const wrong = new WebClient('xoxb-wrong', {
        slackApiUrl: strict.apiUrl,
        logger: quietLogger,
        retryConfig: { retries: 0 },
      });
      await expect(wrong.auth.test()).rejects.toMatchObject({ data: { error: 'invalid_auth' } });
      const right = new WebClient('xoxb-right', { slackApiUrl: strict.apiUrl, retryConfig: { retries: 0 } });
      await expect(right.auth.test()).resolves.toMatchObject({
        ok: true,
        team_id: 'T0AUTHGEAR',
        user_id: 'U0AUTHBOT',
      });
    } finally {
      await strict.close();
    }
  });

  it('rate limits chat.postMessage per channel within a rolling second', async () => {
    let nowMs = 1_700_000_000_000;
    const limited = await startSlackFake({
      postMessageLimitPerSecond: 1,
      now: () => nowMs,
      channels: [
        { id: 'C0AUDIT', name: 'audit' },
        { id: 'C0OTHER', name: 'other' },
      ],
    });
    limited.expectRefusal({ method: 'chat.postMessage', error: 'ratelimited', channel: 'C0AUDIT' });
    try {
      const c = new WebClient(TOKEN, {
        slackApiUrl: limited.apiUrl,
        logger: quietLogger,
        rejectRateLimitedCalls: true,
        retryConfig: { retries: 0 },
      });
      await c.chat.postMessage({ channel: 'C0AUDIT', text: '1' });
      await expect(c.chat.postMessage({ channel: 'C0AUDIT', text: '2' })).rejects.toMatchObject({
        code: ErrorCode.RateLimitedError,
      });
      await expect(c.chat.postMessage({ channel: 'C0OTHER', text: '3' })).resolves.toMatchObject({
        ok: true,
      });
      nowMs += 1000;
      await expect(c.chat.postMessage({ channel: 'C0AUDIT', text: '4' })).resolves.toMatchObject({
        ok: true,
      });
      expect(limited.messagesIn('C0AUDIT').map((m) => m.args.text)).toEqual(['1', '4']);
    } finally {
      await limited.close();
    }
  });
});

describe('driver and fake around a real Bolt app', () => {
  it('delivers signed requests to Bolt and records what Bolt sends back', async () => {
    const receiver = new HTTPReceiver({
      signingSecret: 's3cret',
      endpoints: '/slack/events',
      logger: quietLogger,
    });
    const app = new App({
      token: 'xoxb-1',
      receiver,
      logger: quietLogger,
      clientOptions: { slackApiUrl: fake.apiUrl },
    });
    app.command('/authgear', async ({ ack, respond, client, command }) => {
      await ack();
      await respond({ response_type: 'ephemeral', text: `looking up ${command.text}` });
      await client.chat.postMessage({
        channel: command.channel_id,
        text: 'found',
        blocks: [section('found')],
      });
    });
    app.view('cb', async ({ ack, view }) => {
      const value = view.state.values.reason?.reason_input?.value;
      await ack({ response_action: 'errors', errors: { reason: `got ${value}` } });
    });
    const server = (await app.start(0)) as Server;
    try {
      const driver = createSlackDriver({
        url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/slack/events`,
        signingSecret: 's3cret',
        responseUrl: fake.responseUrl,
        triggerId: fake.issueTriggerId,
      });
      const command = await driver.slashCommand({ userId: 'U0ALICE', channelId: 'C0OPS', text: 'alice' });
      expect(command.status).toBe(200);
      const response = await waitFor(() => fake.responsesTo(command.responseUrlId ?? '').at(0));
      expect(response.body).toEqual({ response_type: 'ephemeral', text: 'looking up alice' });
      await waitFor(() => fake.messagesIn('C0OPS').at(0), { message: 'chat.postMessage to C0OPS' });
      const values = { reason: { reason_input: { type: 'plain_text_input', value: 'v' } } };
      const submitted = await driver.viewSubmission({ userId: 'U0ALICE', callbackId: 'cb', values });
      expect(submitted.json).toEqual({ response_action: 'errors', errors: { reason: 'got v' } });
      const forged = await driver.send('x=1', 'application/x-www-form-urlencoded', {
        signature: 'v0=forged',
      });
      const stale = Math.floor(Date.now() / 1000) - 600;
      const old = await driver.send('x=1', 'application/x-www-form-urlencoded', { timestamp: stale });
      expect([forged.status, old.status]).toEqual([401, 401]);
      expect(fake.violations).toEqual([]);
    } finally {
      await app.stop();
    }
  });
});
