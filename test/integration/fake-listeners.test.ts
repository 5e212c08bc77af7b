import { WebClient } from '@slack/web-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AuthgearFake, type RecordedRequest, startAuthgearFake } from '../fakes/authgear/index.js';
import { type RecordedEvent, type SlackFake, startSlackFake } from '../fakes/slack/index.js';
import { type AdminKey, makeAdminKey, signAdminJwt } from '../support/keys.js';

describe('Slack fake listeners', () => {
  let fake: SlackFake;
  beforeAll(async () => {
    fake = await startSlackFake({ channels: [{ id: 'C0OPS', name: 'ops' }] });
  });
  afterAll(async () => fake.close());

  it('tells a listener about each call and response_url post after recording it, until unsubscribed', async () => {
    const heard: RecordedEvent[] = [];
    const stop = fake.subscribe((e) => heard.push(e));
    const client = new WebClient('xoxb-test', { slackApiUrl: fake.apiUrl });
    await client.chat.postMessage({ channel: 'C0OPS', text: 'hello' });
    await fetch(fake.responseUrl('r-listen'), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text: 'answer' }),
    });
    stop();
    await client.chat.postMessage({ channel: 'C0OPS', text: 'not heard' });
    expect(heard.map((e) => e.kind)).toEqual(['call', 'response']);
    const [call, response] = heard;
    expect(call?.kind === 'call' && call.call.response.ts).toBeTruthy();
    expect(call?.kind === 'call' && fake.calls.includes(call.call)).toBe(true);
    expect(response?.kind === 'response' && response.response.id).toBe('r-listen');
  });
});

describe('Authgear fake answers', () => {
  let key: AdminKey;
  let fake: AuthgearFake;
  beforeAll(async () => {
    key = makeAdminKey();
    fake = await startAuthgearFake({ projectId: 'p', keyId: key.keyId, publicKeyPem: key.publicKeyPem });
  });
  afterAll(async () => fake.close());

  it('keeps the answer it sent with each request and tells listeners once it is answered', async () => {
    fake.store.addUser({ id: '11111111-1111-4111-8111-111111111111', email: 'alice@example.com' });
    const heard: RecordedRequest[] = [];
    const stop = fake.onAnswered((r) => heard.push(r));
    const token = await signAdminJwt(key, 'p');
    const res = await fetch(`${fake.url}/_api/admin/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({
        query:
          'query byEmail($e: String!) { getUsersByStandardAttribute(attributeName: "email", attributeValue: $e) { id } }',
        variables: { e: 'alice@example.com' },
      }),
    });
    const sent: unknown = await res.json();
    stop();
    expect(heard).toHaveLength(1);
    expect(heard[0]?.answer).toEqual(sent);
    expect(fake.requests[0]?.answer).toEqual(sent);
    expect(JSON.stringify(sent)).toContain('"id"');
  });
});
