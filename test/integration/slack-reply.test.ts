/** replyTo answers through a response_url while Slack takes it, and by DM when it does not (RULES.md "Time limits"). */
import { WebClient } from '@slack/web-api';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { replyTo } from '../../src/slack/reply.js';
import { responseUrlOrigins } from '../../src/slack/response-url.js';
import { RESPONSE_URL_MAX_POSTS, type SlackFake, startSlackFake } from '../fakes/slack/index.js';
import { quietLogger } from '../support/quiet-logger.js';

let fake: SlackFake;
let client: WebClient;
beforeAll(async () => {
  fake = await startSlackFake({ users: [{ id: 'U0ALICE', name: 'alice' }] });
  client = new WebClient('xoxb-test', {
    slackApiUrl: fake.apiUrl,
    logger: quietLogger,
    retryConfig: { retries: 0 },
  });
});
afterAll(async () => fake.close());
beforeEach(() => fake.clear());

/** The fake's own origin, as the app allows it when SLACK_API_URL points there (response-url.ts). */
const options = () => ({ origins: responseUrlOrigins(fake.apiUrl) });
const dms = () => fake.messagesIn(fake.dmChannelFor('U0ALICE')).map((m) => m.args.text);

describe('replyTo', () => {
  it('answers through the response_url, ephemeral, and sends no DM', async () => {
    const url = fake.responseUrl('fresh');
    await replyTo(
      client,
      { userId: 'U0ALICE', responseUrl: url },
      options(),
    )({
      text: 'done',
      replaceOriginal: true,
    });
    expect(fake.responsesTo('fresh').map((r) => r.body)).toEqual([
      { response_type: 'ephemeral', text: 'done', replace_original: true },
    ]);
    expect(dms()).toEqual([]);
  });

  it('never lets a secret replace a message Slack keeps: a new ephemeral answer, then the stored version', async () => {
    const posted = await client.chat.postMessage({ channel: 'U0ALICE', text: 'Confirm?' });
    const dm = fake.dmChannelFor('U0ALICE');
    const ts = String(posted.ts);
    const url = fake.responseUrl('stored', { channel: dm, ts });
    await replyTo(
      client,
      { userId: 'U0ALICE', responseUrl: url, sourceStored: true },
      options(),
    )({
      text: 'code 123456',
      replaceOriginal: true,
      ephemeralOnly: true,
      storedVersion: { text: 'Done; the code was shown to you only.' },
    });
    expect(fake.responsesTo('stored').map((r) => r.body)).toEqual([
      { response_type: 'ephemeral', text: 'code 123456', replace_original: false },
      { response_type: 'ephemeral', text: 'Done; the code was shown to you only.', replace_original: true },
    ]);
    expect(fake.storedMessage(dm, ts)?.text).toBe('Done; the code was shown to you only.');
    expect(JSON.stringify(fake.storedMessages())).not.toContain('123456');
  });

  it('answers by DM without trying a response_url it knows is too old', async () => {
    const url = fake.responseUrl('old');
    const issuedAt = Date.now() - 31 * 60_000;
    await replyTo(
      client,
      { userId: 'U0ALICE', responseUrl: url, issuedAt },
      options(),
    )({ text: 'late answer' });
    expect(fake.responsesTo('old')).toEqual([]);
    expect(fake.refusals).toEqual([]);
    expect(dms()).toEqual(['late answer']);
  });

  it('answers by DM when Slack refuses the response_url (used up)', async () => {
    const url = fake.responseUrl('used');
    const reply = replyTo(client, { userId: 'U0ALICE', responseUrl: url }, options());
    for (let i = 0; i < RESPONSE_URL_MAX_POSTS; i++) await reply({ text: `answer ${i}` });
    fake.expectRefusal({ method: 'response_url', error: 'used_url' });
    await reply({ text: 'one too many' });
    expect(fake.responsesTo('used')).toHaveLength(RESPONSE_URL_MAX_POSTS);
    expect(dms()).toEqual(['one too many']);
  });

  it('answers by DM when there is no response_url, or Slack cannot be reached', async () => {
    await replyTo(client, { userId: 'U0ALICE' })({ text: 'from the Home tab' });
    await replyTo(client, { userId: 'U0ALICE', responseUrl: 'http://127.0.0.1:9/response/x' })({
      text: 'no route',
    });
    expect(dms()).toEqual(['from the Home tab', 'no route']);
  });
});

describe('replyTo and answer addresses outside Slack', () => {
  it('never posts to a response_url on another host: the answer goes by DM', async () => {
    const foreign = 'http://127.0.0.1:9/response/planted';
    await replyTo(client, { userId: 'U0ALICE', responseUrl: foreign }, options())({ text: 'kept at home' });
    expect(dms()).toEqual(['kept at home']);
  });

  it('never sends a secret by DM: when the response_url cannot take it, it fails instead', async () => {
    const url = fake.responseUrl('secret-used');
    for (let i = 0; i < RESPONSE_URL_MAX_POSTS; i++)
      await replyTo(client, { userId: 'U0ALICE', responseUrl: url }, options())({ text: `filler ${i}` });
    fake.expectRefusal({ method: 'response_url', error: 'used_url' });
    await expect(
      replyTo(
        client,
        { userId: 'U0ALICE', responseUrl: url },
        options(),
      )({ text: 'a secret', ephemeralOnly: true }),
    ).rejects.toMatchObject({ code: 'slack.unavailable' });
    expect(dms()).toEqual([]);
  });
});
