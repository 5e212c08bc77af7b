/** The Slack fake refuses what Slack refuses (RULES.md), and records a refused call as nothing that arrived. */
import { WebClient } from '@slack/web-api';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  RESPONSE_URL_MAX_POSTS,
  RESPONSE_URL_TTL_MS,
  type SlackFake,
  startSlackFake,
  TRIGGER_TTL_MS,
} from '../fakes/slack/index.js';
import { quietLogger } from '../support/quiet-logger.js';

let fake: SlackFake;
let client: WebClient;

beforeAll(async () => {
  fake = await startSlackFake({
    users: [
      { id: 'U0ALICE', name: 'alice', email: 'alice@example.com' },
      { id: 'U0BOB', name: 'bob', email: 'bob@example.com' },
    ],
    channels: [
      { id: 'C0OPS', name: 'ops' },
      { id: 'C0LOUNGE', name: 'lounge', botMember: false },
      { id: 'C0SECRET', name: 'secret', isPrivate: true, botMember: false },
      { id: 'C0OLD', name: 'old', isArchived: true },
      { id: 'D0ALICEBOB', name: 'alice-bob' },
    ],
  });
  client = new WebClient('xoxb-test', {
    slackApiUrl: fake.apiUrl,
    logger: quietLogger,
    retryConfig: { retries: 0 },
  });
});
afterAll(async () => fake.close());
beforeEach(() => fake.clear());

const section = (text: string) => ({ type: 'section', text: { type: 'mrkdwn', text } });
const errorOf = async (call: Promise<unknown>): Promise<string | undefined> => {
  try {
    await call;
    return undefined;
  } catch (error) {
    return (error as { data?: { error?: string } }).data?.error;
  }
};

describe('where the bot may post', () => {
  it.each([
    ['a public channel without the bot', 'C0LOUNGE', 'not_in_channel'],
    ['a private channel without the bot', 'C0SECRET', 'channel_not_found'],
    ['an archived channel', 'C0OLD', 'is_archived'],
    ['a channel that does not exist', 'C0NOPE', 'channel_not_found'],
    ['a DM between two people', 'D0ALICEBOB', 'channel_not_found'],
    ['an unknown user', 'U0NOBODY', 'channel_not_found'],
  ])('refuses chat.postMessage to %s', async (_what, channel, error) => {
    fake.expectRefusal({ method: 'chat.postMessage', error, channel });
    expect(await errorOf(client.chat.postMessage({ channel, text: 'hi' }))).toBe(error);
    expect(fake.messagesIn(channel)).toEqual([]);
    expect(fake.refusals.map((r) => r.error)).toEqual([error]);
  });

  it.each([
    ['a DM between two people', 'D0ALICEBOB', 'channel_not_found'],
    ['a public channel without the bot', 'C0LOUNGE', 'not_in_channel'],
    ['a private channel without the bot', 'C0SECRET', 'channel_not_found'],
  ])('refuses chat.postEphemeral in %s and delivers nothing', async (_what, channel, error) => {
    fake.expectRefusal({ method: 'chat.postEphemeral', error });
    expect(await errorOf(client.chat.postEphemeral({ channel, user: 'U0ALICE', text: 'psst' }))).toBe(error);
    expect(fake.ephemeralsTo('U0ALICE')).toEqual([]);
  });

  it("posts to a person's DM with the bot by user ID or by D-channel, and ephemerals there", async () => {
    await client.chat.postMessage({ channel: 'U0ALICE', text: 'by user ID' });
    await client.chat.postMessage({ channel: fake.dmChannelFor('U0ALICE'), text: 'by DM channel' });
    await client.chat.postEphemeral({ channel: fake.dmChannelFor('U0BOB'), user: 'U0BOB', text: 'only bob' });
    expect(fake.messagesIn(fake.dmChannelFor('U0ALICE')).map((m) => m.args.text)).toEqual([
      'by user ID',
      'by DM channel',
    ]);
    expect(fake.ephemeralsTo('U0BOB')).toHaveLength(1);
  });

  it('lets the bot post once invited, and refuses again once it is removed', async () => {
    fake.setBotMember('C0LOUNGE', true);
    await client.chat.postMessage({ channel: 'C0LOUNGE', text: 'hello' });
    fake.setBotMember('C0LOUNGE', false);
    fake.expectRefusal({ error: 'not_in_channel', channel: 'C0LOUNGE' });
    expect(await errorOf(client.chat.postMessage({ channel: 'C0LOUNGE', text: 'again' }))).toBe(
      'not_in_channel',
    );
    expect(fake.messagesIn('C0LOUNGE').map((m) => m.args.text)).toEqual(['hello']);
  });

  it('updates only messages that exist, and opens DMs only with people Slack knows', async () => {
    const posted = await client.chat.postMessage({ channel: 'C0OPS', text: 'v1' });
    await client.chat.update({ channel: 'C0OPS', ts: posted.ts ?? '', text: 'v2' });
    fake.expectRefusal({ method: 'chat.update', error: 'message_not_found' });
    fake.expectRefusal({ method: 'conversations.open', error: 'user_not_found' });
    expect(await errorOf(client.chat.update({ channel: 'C0OPS', ts: '1.000001', text: 'x' }))).toBe(
      'message_not_found',
    );
    expect(await errorOf(client.conversations.open({ users: 'U0NOBODY' }))).toBe('user_not_found');
  });
});

describe('message size', () => {
  /** Sections carrying exactly `chars` characters of text in all. */
  const blocksWith = (chars: number) => {
    const blocks: ReturnType<typeof section>[] = [];
    for (let left = chars; left > 0; left -= 2500) blocks.push(section('x'.repeat(Math.min(2500, left))));
    return blocks;
  };

  it('accepts 12,000 characters of block text and refuses 12,001 with msg_blocks_too_long', async () => {
    await client.chat.postMessage({ channel: 'C0OPS', text: 'ok', blocks: blocksWith(12_000) });
    fake.expectRefusal({ method: 'chat.postMessage', error: 'msg_blocks_too_long' });
    expect(
      await errorOf(client.chat.postMessage({ channel: 'C0OPS', text: 'x', blocks: blocksWith(12_001) })),
    ).toBe('msg_blocks_too_long');
    expect(fake.messagesIn('C0OPS')).toHaveLength(1);
  });

  it('counts text across all blocks, buttons and context included, at a limit a test may set', async () => {
    const small = await startSlackFake({ blockTextLimit: 20, channels: [{ id: 'C0OPS', name: 'ops' }] });
    try {
      const c = new WebClient('xoxb-test', { slackApiUrl: small.apiUrl, logger: quietLogger });
      const blocks = [
        section('0123456789'),
        { type: 'context', elements: [{ type: 'mrkdwn', text: '01234' }] },
        {
          type: 'actions',
          elements: [{ type: 'button', action_id: 'a', text: { type: 'plain_text', text: '012345' } }],
        },
      ];
      small.expectRefusal({ error: 'msg_blocks_too_long' });
      expect(await errorOf(c.chat.postMessage({ channel: 'C0OPS', text: 't', blocks }))).toBe(
        'msg_blocks_too_long',
      );
      await c.chat.postMessage({ channel: 'C0OPS', text: 't', blocks: blocks.slice(0, 2) });
      expect(small.settleRefusals()).toEqual([]);
    } finally {
      await small.close();
    }
  });
});

describe('response URLs', () => {
  const post = (url: string, body: Record<string, unknown> = { text: 'hi' }) =>
    fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });

  it(`takes ${RESPONSE_URL_MAX_POSTS} posts, then answers 404 used_url and records nothing more`, async () => {
    const url = fake.responseUrl('five');
    for (let i = 0; i < RESPONSE_URL_MAX_POSTS; i++) expect((await post(url)).status).toBe(200);
    fake.expectRefusal({ method: 'response_url', error: 'used_url' });
    const sixth = await post(url);
    expect(sixth.status).toBe(404);
    expect(await sixth.json()).toEqual({ ok: false, error: 'used_url' });
    expect(fake.responsesTo('five')).toHaveLength(RESPONSE_URL_MAX_POSTS);
  });

  it('expires 30 minutes after Slack issued it (404 expired_url)', async () => {
    const url = fake.responseUrl('late');
    fake.advance(RESPONSE_URL_TTL_MS - 5000); // the fake's clock also runs in real time
    expect((await post(url)).status).toBe(200);
    fake.advance(10_000);
    fake.expectRefusal({ method: 'response_url', error: 'expired_url' });
    expect((await post(url)).status).toBe(404);
    expect(fake.responsesTo('late')).toHaveLength(1);
  });

  it('answers 404 no_service for a URL it never issued, and 400 for blocks it would not render', async () => {
    fake.expectRefusal({ method: 'response_url', error: 'no_service' });
    fake.expectRefusal({ method: 'response_url', error: 'msg_blocks_too_long' });
    expect((await post(`${fake.url}/response/forged`)).status).toBe(404);
    const url = fake.responseUrl('big');
    const big = await post(url, {
      text: 't',
      blocks: Array.from({ length: 5 }, () => section('x'.repeat(2500))),
    });
    expect(big.status).toBe(400);
    expect(fake.responses).toEqual([]);
  });

  it('replaces the stored message it came from with replace_original (Slack keeps the replacement)', async () => {
    const posted = await client.chat.postMessage({ channel: 'C0OPS', text: 'Confirm?' });
    const ts = String(posted.ts);
    const url = fake.responseUrl('from-stored', { channel: 'C0OPS', ts });
    expect((await post(url, { text: 'not this one', replace_original: false })).status).toBe(200);
    expect(fake.storedMessage('C0OPS', ts)?.text).toBe('Confirm?');
    const done = {
      text: 'Done',
      blocks: [section('Done')],
      replace_original: true,
      response_type: 'ephemeral',
    };
    expect((await post(url, done)).status).toBe(200);
    expect(fake.storedMessage('C0OPS', ts)).toMatchObject({ ts, text: 'Done', blocks: [section('Done')] });
    expect(fake.storedMessages().filter((m) => m.channel === 'C0OPS' && m.ts === ts)).toHaveLength(1);
  });

  it('deletes the stored message it came from with delete_original', async () => {
    const posted = await client.chat.postMessage({ channel: 'U0ALICE', text: 'Confirm?' });
    const dm = fake.dmChannelFor('U0ALICE');
    const ts = String(posted.ts);
    const url = fake.responseUrl('delete-stored', { channel: dm, ts });
    expect((await post(url, { delete_original: true })).status).toBe(200);
    expect(fake.storedMessage(dm, ts)).toBeUndefined();
  });

  it('leaves stored messages alone when the interaction came from an ephemeral message', async () => {
    const posted = await client.chat.postMessage({ channel: 'C0OPS', text: 'Keep me' });
    const url = fake.responseUrl('from-ephemeral');
    expect((await post(url, { text: 'Replaced', replace_original: true })).status).toBe(200);
    expect(fake.storedMessage('C0OPS', String(posted.ts))?.text).toBe('Keep me');
  });

  it('lets a test shorten the time to live', async () => {
    const short = await startSlackFake({ responseUrlTtlMs: 1000 });
    try {
      const url = short.responseUrl();
      short.advance(1001);
      short.expectRefusal({ error: 'expired_url' });
      expect((await post(url)).status).toBe(404);
    } finally {
      await short.close();
    }
  });
});

describe('trigger IDs', () => {
  const view = {
    type: 'modal' as const,
    title: { type: 'plain_text' as const, text: 'Form' },
    blocks: [section('Hello')],
  };

  it('opens one view per trigger_id, within 3 seconds of the interaction', async () => {
    const trigger = fake.issueTriggerId();
    await client.views.open({ trigger_id: trigger, view });
    fake.expectRefusal({ method: 'views.open', error: 'exchanged_trigger_id' });
    expect(await errorOf(client.views.open({ trigger_id: trigger, view }))).toBe('exchanged_trigger_id');
    const late = fake.issueTriggerId();
    fake.advance(TRIGGER_TTL_MS + 1);
    fake.expectRefusal({ method: 'views.open', error: 'expired_trigger_id' });
    expect(await errorOf(client.views.open({ trigger_id: late, view }))).toBe('expired_trigger_id');
    fake.expectRefusal({ method: 'views.open', error: 'invalid_trigger_id' });
    expect(await errorOf(client.views.open({ trigger_id: '123.456.forged', view }))).toBe(
      'invalid_trigger_id',
    );
    expect(fake.callsTo('views.open').filter((c) => c.ok)).toHaveLength(1);
  });

  it('updates only a view that was opened', async () => {
    const opened = await client.views.open({ trigger_id: fake.issueTriggerId(), view });
    await client.views.update({ view_id: opened.view?.id ?? '', view });
    fake.expectRefusal({ method: 'views.update', error: 'not_found' });
    expect(await errorOf(client.views.update({ view_id: 'V0NOPE', view }))).toBe('not_found');
  });
});

describe('answers to a view_submission', () => {
  const input = (blockId: string) => ({
    type: 'input',
    block_id: blockId,
    label: { type: 'plain_text', text: blockId },
    element: { type: 'plain_text_input', action_id: blockId },
  });
  const form = {
    type: 'modal' as const,
    title: { type: 'plain_text' as const, text: 'Form' },
    submit: { type: 'plain_text' as const, text: 'Send' },
    blocks: [input('reason'), { type: 'section', block_id: 'intro', text: { type: 'mrkdwn', text: 'Hi' } }],
  };
  const open = async () => {
    const opened = await client.views.open({ trigger_id: fake.issueTriggerId(), view: form });
    return opened.view as Record<string, unknown> & { id: string };
  };

  it('accepts errors keyed by input blocks, and refuses errors keyed by anything else', async () => {
    const view = await open();
    fake.viewAnswered(view, { response_action: 'errors', errors: { reason: 'Say why.' } });
    expect(fake.refusals).toEqual([]);
    fake.expectRefusal({ method: 'view_submission', error: 'invalid_errors' });
    fake.viewAnswered(view, { response_action: 'errors', errors: { intro: 'Not an input.' } });
    fake.viewAnswered(view, { response_action: 'errors', errors: { nowhere: 'No such block.' } });
    expect(fake.refusals.map((r) => r.error)).toEqual(['invalid_errors', 'invalid_errors']);
    fake.expectRefusal({ method: 'view_submission', error: 'invalid_blocks' });
    fake.viewAnswered(view, { response_action: 'update', view: { type: 'modal', blocks: [] } });
    expect(fake.refusals.at(-1)?.error).toBe('invalid_blocks');
  });

  it('closes the view on an empty ack or clear, and views.update of it then answers not_found', async () => {
    for (const answer of [undefined, { response_action: 'clear' }]) {
      const view = await open();
      fake.viewAnswered(view, answer);
      fake.expectRefusal({ method: 'views.update', error: 'not_found' });
      expect(await errorOf(client.views.update({ view_id: view.id, view: form }))).toBe('not_found');
    }
  });

  it('keeps the view open after errors or update, and closes it when the person closes it', async () => {
    const view = await open();
    fake.viewAnswered(view, { response_action: 'errors', errors: { reason: 'Say why.' } });
    fake.viewAnswered(view, { response_action: 'update', view: form });
    await client.views.update({ view_id: view.id, view: form });
    fake.closeView(view.id);
    fake.expectRefusal({ method: 'views.update', error: 'not_found' });
    expect(await errorOf(client.views.update({ view_id: view.id, view: form }))).toBe('not_found');
  });
});

describe('declaring refusals', () => {
  it('reports refusals nobody declared and declarations nothing matched; armed faults count as declared', async () => {
    await errorOf(client.chat.postMessage({ channel: 'C0LOUNGE', text: 'x' }));
    fake.failNext('chat.postMessage', { error: 'internal_error' });
    await errorOf(client.chat.postMessage({ channel: 'C0OPS', text: 'x' }));
    fake.expectRefusal({ error: 'is_archived' });
    expect(fake.settleRefusals()).toEqual([
      'Slack refused a call the test did not expect: chat.postMessage in C0LOUNGE → 200 not_in_channel',
      'The test expected Slack to refuse any method is_archived, but nothing was refused',
    ]);
    expect(fake.settleRefusals()).toEqual([]);
  });
});
