import { readFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { hasShared, sharedDir } from '../support/shared.js';
import { computeSlackSignature, createSlackDriver } from '../support/slack-driver.js';

interface Captured {
  headers: IncomingHttpHeaders;
  body: string;
}

const SECRET = 'test-signing-secret';
const NOW_MS = 1_700_000_000_000;
const captured: Captured[] = [];
let server: Server;
let url = '';

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      captured.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ response_action: 'clear' }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/slack/events`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

beforeEach(() => {
  captured.length = 0;
});

const driver = () =>
  createSlackDriver({
    url,
    signingSecret: SECRET,
    responseUrl: (id) => `http://127.0.0.1:9/response/${id}`,
    now: () => NOW_MS,
  });

const lastRequest = (): Captured => {
  const last = captured.at(-1);
  if (!last) throw new Error('no request captured');
  return last;
};

const payloadOf = (req: Captured): Record<string, unknown> =>
  JSON.parse(new URLSearchParams(req.body).get('payload') ?? 'null');

describe('Slack request signing', () => {
  const vector = () =>
    JSON.parse(readFileSync(path.join(sharedDir, 'slack/signature-test-vector.json'), 'utf8')) as {
      signing_secret: string;
      x_slack_request_timestamp: string;
      raw_body: string;
      x_slack_signature: string;
    };

  it.runIf(hasShared)("reproduces Slack's published signature test vector", () => {
    const v = vector();
    expect(computeSlackSignature(v.signing_secret, v.x_slack_request_timestamp, v.raw_body)).toBe(
      v.x_slack_signature,
    );
  });

  it.runIf(hasShared)('sends the test vector body with exactly the headers Slack would send', async () => {
    const v = vector();
    const d = createSlackDriver({
      url,
      signingSecret: v.signing_secret,
      responseUrl: (id) => id,
      now: () => Number(v.x_slack_request_timestamp) * 1000,
    });
    await d.send(v.raw_body, 'application/x-www-form-urlencoded');
    const req = lastRequest();
    expect(req.body).toBe(v.raw_body);
    expect(req.headers['x-slack-request-timestamp']).toBe(v.x_slack_request_timestamp);
    expect(req.headers['x-slack-signature']).toBe(v.x_slack_signature);
  });

  it('signs every driven request over the exact bytes sent', async () => {
    await driver().slashCommand({ userId: 'U0ALICE', text: 'help' });
    const req = lastRequest();
    expect(req.headers['x-slack-request-timestamp']).toBe(String(NOW_MS / 1000));
    expect(req.headers['x-slack-signature']).toBe(computeSlackSignature(SECRET, NOW_MS / 1000, req.body));
  });

  it('can omit or forge the signature and timestamp headers', async () => {
    await driver().send('a=b', 'application/x-www-form-urlencoded', { signature: null, timestamp: null });
    expect(lastRequest().headers['x-slack-signature']).toBeUndefined();
    expect(lastRequest().headers['x-slack-request-timestamp']).toBeUndefined();
    await driver().send('a=b', 'application/x-www-form-urlencoded', { signature: 'v0=forged', timestamp: 1 });
    expect(lastRequest().headers['x-slack-signature']).toBe('v0=forged');
    expect(lastRequest().headers['x-slack-request-timestamp']).toBe('1');
  });
});

describe('driven payloads', () => {
  it('sends a slash command as form fields with a response_url the test can look up', async () => {
    const result = await driver().slashCommand({ userId: 'U0ALICE', channelId: 'C0OPS', text: 'user alice' });
    const fields = new URLSearchParams(lastRequest().body);
    expect(fields.get('command')).toBe('/authgear');
    expect(fields.get('text')).toBe('user alice');
    expect(fields.get('user_id')).toBe('U0ALICE');
    expect(fields.get('channel_id')).toBe('C0OPS');
    expect(fields.get('team_id')).toBe('T0AUTHGEAR');
    expect(fields.get('response_url')).toBe(`http://127.0.0.1:9/response/${result.responseUrlId}`);
    expect(fields.get('trigger_id')).toBe(result.triggerId);
    expect(result.status).toBe(200);
    expect(result.json).toEqual({ response_action: 'clear' });
  });

  it.each([
    [
      'entities',
      'edit x family_name=Builder & Sons <Ltd>',
      'edit x family_name=Builder &amp; Sons &lt;Ltd&gt;',
    ],
    ['an email', 'user bob@example.com', 'user <mailto:bob@example.com|bob@example.com>'],
    ['a phone number', 'user +1 555 123 4567', 'user <tel:+15551234567|+1 555 123 4567>'],
    [
      'a link',
      'edit x website=https://x.example/a?b=1&c=2',
      'edit x website=<https://x.example/a?b=1&amp;c=2>',
    ],
    [
      'a known person, channel and user group',
      'ask @alice in #ops or @support',
      'ask <@U0ALICE|alice> in <#C0OPS|ops> or <!subteam^S0SUP|@support>',
    ],
    ['unknown names, as typed', 'ask @nobody in #nowhere', 'ask @nobody in #nowhere'],
    ['a channel ping', 'user @here', 'user <!here>'],
  ])('sends command text as Slack does: %s', async (_what, typed, sent) => {
    const d = createSlackDriver({
      url,
      signingSecret: SECRET,
      responseUrl: (id) => `http://127.0.0.1:9/response/${id}`,
      names: {
        userId: (n) => (n === 'alice' ? 'U0ALICE' : undefined),
        channelId: (n) => (n === 'ops' ? 'C0OPS' : undefined),
        usergroupId: (h) => (h === 'support' ? 'S0SUP' : undefined),
      },
    });
    await d.slashCommand({ userId: 'U0ALICE', text: typed });
    expect(new URLSearchParams(lastRequest().body).get('text')).toBe(sent);
  });

  it('types smart quotes when asked (commands and form fields), and sends exact text when told', async () => {
    const d = createSlackDriver({ url, signingSecret: SECRET, responseUrl: (id) => id, smartQuotes: true });
    await d.slashCommand({ userId: 'U1', text: `disable x "it's fraud"` });
    expect(new URLSearchParams(lastRequest().body).get('text')).toBe('disable x “it’s fraud”');
    await d.slashCommand({ userId: 'U1', text: 'ignored', sentText: 'user <@U0RAW>' });
    expect(new URLSearchParams(lastRequest().body).get('text')).toBe('user <@U0RAW>');
    const values = { comment: { comment: { type: 'plain_text_input', value: `"ok" & <fine>` } } };
    await d.viewSubmission({ userId: 'U1', callbackId: 'cb', values });
    expect(payloadOf(lastRequest())).toMatchObject({
      view: { state: { values: { comment: { comment: { value: '“ok” & <fine>' } } } } },
    });
  });

  it('gives each request its own response_url id', async () => {
    const d = driver();
    const a = await d.slashCommand({ userId: 'U1', text: 'help' });
    const b = await d.slashCommand({ userId: 'U1', text: 'help' });
    expect(a.responseUrlId).not.toBe(b.responseUrlId);
  });

  it('sends a button click as a block_actions payload on a message', async () => {
    const result = await driver().blockAction({
      userId: 'U0BOB',
      actionId: 'approval_approve',
      blockId: 'approval_actions',
      value: 'apr_1',
      message: { type: 'message', ts: '1700000000.000100', text: 'Approve?' },
      channelId: 'C0OPS',
    });
    const payload = payloadOf(lastRequest());
    expect(payload).toMatchObject({
      type: 'block_actions',
      user: { id: 'U0BOB', team_id: 'T0AUTHGEAR' },
      team: { id: 'T0AUTHGEAR' },
      api_app_id: 'A0AUTHGEAR',
      container: { type: 'message', message_ts: '1700000000.000100', channel_id: 'C0OPS' },
      channel: { id: 'C0OPS' },
      message: { ts: '1700000000.000100' },
      response_url: `http://127.0.0.1:9/response/${result.responseUrlId}`,
      actions: [
        { type: 'button', action_id: 'approval_approve', block_id: 'approval_actions', value: 'apr_1' },
      ],
    });
  });

  it('tells the response URL which stored message a click came from, and none for an ephemeral one', async () => {
    const sources: unknown[] = [];
    const d = createSlackDriver({
      url,
      signingSecret: SECRET,
      responseUrl: (id, source) => {
        sources.push(source);
        return `http://127.0.0.1:9/response/${id}`;
      },
      now: () => NOW_MS,
    });
    const message = { type: 'message', ts: '1700000000.000200', text: 'Confirm?' };
    await d.blockAction({ userId: 'U0BOB', actionId: 'a', message, channelId: 'D0BOB' });
    await d.blockAction({ userId: 'U0BOB', actionId: 'a', channelId: 'C0OPS', ephemeral: true });
    const ephemeral = payloadOf(lastRequest());
    expect(sources).toEqual([{ channel: 'D0BOB', ts: '1700000000.000200' }, undefined]);
    expect(ephemeral.container).toMatchObject({ type: 'message', channel_id: 'C0OPS', is_ephemeral: true });
    expect(ephemeral).not.toHaveProperty('message');
  });

  it('sends a select choice with its selected_option', async () => {
    await driver().blockAction({
      userId: 'U0BOB',
      actionId: 'pick',
      selectedOption: { value: 'v1', text: 'One' },
    });
    expect(payloadOf(lastRequest()).actions).toMatchObject([
      { type: 'static_select', action_id: 'pick', selected_option: { value: 'v1', text: { text: 'One' } } },
    ]);
  });

  it('sends an action inside a modal with a view container and no response_url', async () => {
    const result = await driver().blockAction({
      userId: 'U0BOB',
      actionId: 'a',
      view: { id: 'V123', type: 'modal' },
    });
    const payload = payloadOf(lastRequest());
    expect(payload.container).toEqual({ type: 'view', view_id: 'V123' });
    expect(payload.view).toEqual({ id: 'V123', type: 'modal' });
    expect(payload).not.toHaveProperty('response_url');
    expect(payload).not.toHaveProperty('message');
    expect(result.responseUrlId).toBeUndefined();
  });

  it('sends a view_submission with state values, callback_id and private_metadata', async () => {
    const values = { reason: { reason_input: { type: 'plain_text_input', value: 'locked out' } } };
    await driver().viewSubmission({
      userId: 'U0ALICE',
      callbackId: 'cb',
      privateMetadata: '{"a":1}',
      values,
    });
    expect(payloadOf(lastRequest())).toMatchObject({
      type: 'view_submission',
      user: { id: 'U0ALICE' },
      view: {
        type: 'modal',
        callback_id: 'cb',
        private_metadata: '{"a":1}',
        state: { values },
        blocks: [{ type: 'input', block_id: 'reason', element: { action_id: 'reason_input' } }],
      },
    });
  });

  it('sends global and message shortcuts with their callback IDs', async () => {
    const d = driver();
    await d.globalShortcut({ userId: 'U0ALICE', callbackId: 'authgear_lookup_user' });
    expect(payloadOf(lastRequest())).toMatchObject({ type: 'shortcut', callback_id: 'authgear_lookup_user' });
    const message = { user: 'U0CAROL', text: 'help me', ts: '1700000000.000200' };
    const result = await d.messageShortcut({
      userId: 'U0ALICE',
      callbackId: 'lookup',
      message,
      channelId: 'C0OPS',
    });
    expect(payloadOf(lastRequest())).toMatchObject({
      type: 'message_action',
      callback_id: 'lookup',
      channel: { id: 'C0OPS' },
      message_ts: message.ts,
      message,
      response_url: `http://127.0.0.1:9/response/${result.responseUrlId}`,
    });
  });
});
