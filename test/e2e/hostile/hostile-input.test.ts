/** Signed input a person or a forger could send: huge values, absurd durations and dates, foreign answer URLs. */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeNodeId } from '../../../src/authgear/node-id.js';
import { actionFormMetadata } from '../../../src/blocks/payloads.js';
import { PEOPLE, SIGNING_SECRET, startTestApp, type TestApp } from '../../support/app.js';
import { createSlackDriver, type SlackDriver } from '../../support/slack-driver.js';
import { waitFor } from '../../support/wait.js';

let t: TestApp;
let evil: Server;
let evilUrl: string;
const evilHits: string[] = [];
/** Signs like Slack, but gives the app a response_url on a host that is not Slack's. */
let forged: SlackDriver;

beforeAll(async () => {
  t = await startTestApp();
  evil = createServer((req, res) => {
    evilHits.push(req.url ?? '');
    res.end('ok');
  });
  await new Promise<void>((resolve) => evil.listen(0, '127.0.0.1', resolve));
  evilUrl = `http://127.0.0.1:${(evil.address() as AddressInfo).port}`;
  forged = createSlackDriver({
    url: t.url,
    signingSecret: SIGNING_SECRET,
    responseUrl: (id) => `${evilUrl}/hook/${id}`,
  });
});
afterAll(async () => {
  await t.stop();
  await new Promise<void>((resolve) => evil.close(() => resolve()));
});

const mutations = () => t.authgear.requests.filter((r) => r.query.trimStart().startsWith('mutation'));

describe('answer addresses', () => {
  const dms = (userId: string) =>
    t.slack.messagesIn(t.slack.dmChannelFor(userId)).map((m) => JSON.stringify(m.args));

  it('never posts to a response_url outside Slack, from a slash command or a click: the answer goes by DM', async () => {
    t.authgear.store.addUser({ email: 'evil-target@example.com' });
    const cmd = await forged.slashCommand({ userId: PEOPLE.admin, text: 'user evil-target@example.com' });
    expect(cmd.status).toBe(200);
    await waitFor(() => dms(PEOPLE.admin).some((m) => m.includes('evil-target@example.com')));
    const before = dms(PEOPLE.admin).length;
    const click = await forged.blockAction({
      userId: PEOPLE.admin,
      actionId: 'show_user',
      value: 'VXNlcjox',
    });
    expect(click.status).toBe(200);
    await waitFor(() => dms(PEOPLE.admin).length > before);
    expect(
      t.logs.filter((l) => l.includes('refused a response_url outside Slack')).length,
    ).toBeGreaterThanOrEqual(2);
    expect(evilHits).toEqual([]);
  });

  it("never posts to a URL planted in a form's private_metadata", async () => {
    const user = t.authgear.store.addUser({ email: 'evil-form@example.com' });
    const before = dms(PEOPLE.support).length;
    const res = await t.driver.viewSubmission({
      userId: PEOPLE.support,
      callbackId: 'action_modal',
      privateMetadata: actionFormMetadata.encode({
        k: 'disable',
        u: encodeNodeId('User', user.id),
        r: `${evilUrl}/planted`,
      }),
      values: { reason: { reason: { type: 'plain_text_input', value: 'testing' } } },
    });
    expect(res.status).toBe(200);
    await waitFor(() => dms(PEOPLE.support).length > before);
    expect(evilHits).toEqual([]);
    expect(mutations().filter((m) => JSON.stringify(m.variables).includes(user.id))).toEqual([]);
  });
});

describe('sizes and bounds', () => {
  it('refuses a 50,000-character login ID at once, on its field, while other people are served', async () => {
    const huge = `a@b${'.a'.repeat(25_000)} `;
    const [res, help] = await Promise.all([
      t.driver.viewSubmission({
        userId: PEOPLE.support,
        callbackId: 'action_modal',
        privateMetadata: actionFormMetadata.encode({ k: 'create-user' }),
        values: {
          loginIdKey: { loginIdKey: { type: 'static_select', selected_option: { value: 'email' } } },
          loginId: { loginId: { type: 'plain_text_input', value: huge } },
        },
        blocks: [
          {
            type: 'input',
            block_id: 'loginIdKey',
            element: { type: 'static_select', action_id: 'loginIdKey' },
          },
          { type: 'input', block_id: 'loginId', element: { type: 'plain_text_input', action_id: 'loginId' } },
        ],
      }),
      t.driver.slashCommand({ userId: PEOPLE.viewer, text: 'help' }),
    ]);
    expect(help.status).toBe(200);
    expect(res.json).toEqual({
      response_action: 'errors',
      errors: { loginId: expect.stringMatching(/too long/) },
    });
  });

  it('answers `audit --since 99999999999999999999d` with the allowed range', async () => {
    const cmd = await t.driver.slashCommand({
      userId: PEOPLE.admin,
      text: 'audit --since 99999999999999999999d',
    });
    const answer = JSON.stringify(await t.response(cmd.responseUrlId));
    expect(answer).toContain('up to 366d');
  });

  it('refuses a forged date far outside the calendar on its field', async () => {
    const user = t.authgear.store.addUser({ email: 'forged-date@example.com' });
    const res = await t.driver.viewSubmission({
      userId: PEOPLE.support,
      callbackId: 'action_modal',
      privateMetadata: actionFormMetadata.encode({ k: 'disable', u: encodeNodeId('User', user.id) }),
      values: {
        reason: { reason: { type: 'plain_text_input', value: 'holiday' } },
        temporarilyDisabledFrom: {
          temporarilyDisabledFrom: { type: 'datetimepicker', selected_date_time: 1e20 },
        },
        temporarilyDisabledUntil: {
          temporarilyDisabledUntil: { type: 'datetimepicker', selected_date_time: 1_900_000_000 },
        },
      },
      blocks: [
        { type: 'input', block_id: 'reason', element: { type: 'plain_text_input', action_id: 'reason' } },
        {
          type: 'input',
          block_id: 'temporarilyDisabledFrom',
          element: { type: 'datetimepicker', action_id: 'temporarilyDisabledFrom' },
        },
        {
          type: 'input',
          block_id: 'temporarilyDisabledUntil',
          element: { type: 'datetimepicker', action_id: 'temporarilyDisabledUntil' },
        },
      ],
    });
    expect(res.json).toEqual({
      response_action: 'errors',
      errors: { temporarilyDisabledFrom: expect.any(String) },
    });
  });
});
