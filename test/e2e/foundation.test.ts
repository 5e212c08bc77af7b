import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PEOPLE, startTestApp, type TestApp } from '../support/app.js';
import { waitFor } from '../support/wait.js';

let t: TestApp;

beforeAll(async () => {
  t = await startTestApp();
  t.authgear.store.addUser({ email: 'carol@example.com', name: 'Carol' });
});
afterAll(async () => t.stop());

describe('acknowledgement before the Admin API', () => {
  it('acks a lookup while its Admin API request is still unanswered, then delivers the card', async () => {
    const held = t.authgear.hold();
    try {
      const res = await t.driver.slashCommand({ userId: PEOPLE.viewer, text: 'user carol@example.com' });
      expect(res.status).toBe(200);
      await waitFor(() => held.waiting() === 1, { message: 'the look-up reaching Authgear' });
      expect(t.slack.responsesTo(res.responseUrlId ?? '')).toHaveLength(0);
      held.release();
      const body = await t.response(res.responseUrlId);
      expect(JSON.stringify(body)).toContain('carol@example.com');
    } finally {
      held.release();
    }
  });
});

describe('request authenticity', () => {
  it('refuses a request with a forged signature with 401 and runs nothing', async () => {
    const before = t.authgear.requests.length;
    const res = await t.driver.send(
      'command=%2Fauthgear&text=user+carol%40example.com&user_id=U0ADMIN',
      'application/x-www-form-urlencoded',
      {
        signature: 'v0=deadbeef',
      },
    );
    expect(res.status).toBe(401);
    expect(t.authgear.requests.length).toBe(before);
  });

  it('refuses a stale request (timestamp older than five minutes) with 401', async () => {
    const stale = Math.floor(Date.now() / 1000) - 600;
    const res = await t.driver.send(
      'command=%2Fauthgear&text=help&user_id=U0ADMIN',
      'application/x-www-form-urlencoded',
      {
        timestamp: stale,
      },
    );
    expect(res.status).toBe(401);
  });
});

describe('bad input gets a clear ephemeral answer', () => {
  const answerTo = async (text: string): Promise<string> => {
    const res = await t.driver.slashCommand({ userId: PEOPLE.admin, text });
    expect(res.status).toBe(200);
    if (res.body.trim() !== '') return res.body;
    return JSON.stringify(await t.response(res.responseUrlId));
  };

  it.each([
    ['an unknown verb', 'frobnicate alice', /don't know the command/],
    ['a 10 kB argument', `user ${'a'.repeat(10_000)}`, /too long/],
    ['unicode', 'user 名前😀', /can't tell who that is/],
    ['a channel ping', 'user <!channel>', /can't tell who that is/],
    ['an empty user', 'user', /Usage/],
    [
      'GraphQL-looking text',
      'search ") { deleteUser(input: {userID: "x"}) { deletedUserID } }',
      /No Authgear user matches/,
    ],
    [
      'mrkdwn injection in a search',
      'search *bold* <https://evil.example|click> &amp;',
      /No Authgear user matches/,
    ],
  ])('answers %s kindly', async (_name, text, expected) => {
    const answer = await answerTo(text);
    expect(answer).toMatch(expected);
    expect(answer).not.toMatch(/Error:|at .*\.ts:\d+/);
  });

  it('never echoes user text unescaped', async () => {
    const answer = await answerTo('frobnicate<!here>');
    expect(answer).not.toContain('<!here>');
    const search = await answerTo('search <!channel> <@U0ADMIN>');
    expect(search).not.toContain('<!channel>');
    expect(search).toContain('&lt;!channel&gt;');
  });

  it('sends user text to Authgear only as variables, never spliced into the document', async () => {
    const marker = 'zz") { __typename } #';
    await answerTo(`search ${marker}`);
    const last = t.authgear.requests.at(-1);
    expect(last?.operationName).toBe('SearchUsers');
    expect(last?.variables.keyword).toBe(marker);
    expect(last?.query).not.toContain(marker);
  });

  it('keeps every view it sent within Block Kit and Slack limits', () => {
    expect(t.slack.violations).toEqual([]);
  });
});
