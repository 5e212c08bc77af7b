/** replyTo answers through a response_url while Slack takes it, and by DM when it does not (RULES.md "Time limits"). */
import { WebClient } from '@slack/web-api';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { replyTo } from '../../src/slack/reply.js';
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

const dms = () => fake.messagesIn(fake.dmChannelFor('U0ALICE')).map((m) => m.args.text);

describe('replyTo', () => {
  it('answers through the response_url, ephemeral, and sends no DM', async () => {
    const url = fake.responseUrl('fresh');
    await replyTo(client, { userId: 'U0ALICE', responseUrl: url })({ text: 'done', replaceOriginal: true });
    expect(fake.responsesTo('fresh').map((r) => r.body)).toEqual([
      { response_type: 'ephemeral', text: 'done', replace_original: true },
    ]);
    expect(dms()).toEqual([]);
  });

  it('answers by DM without trying a response_url it knows is too old', async () => {
    const url = fake.responseUrl('old');
    const issuedAt = Date.now() - 31 * 60_000;
    await replyTo(client, { userId: 'U0ALICE', responseUrl: url, issuedAt })({ text: 'late answer' });
    expect(fake.responsesTo('old')).toEqual([]);
    expect(fake.refusals).toEqual([]);
    expect(dms()).toEqual(['late answer']);
  });

  it('answers by DM when Slack refuses the response_url (used up)', async () => {
    const url = fake.responseUrl('used');
    const reply = replyTo(client, { userId: 'U0ALICE', responseUrl: url });
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
