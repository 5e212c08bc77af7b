/**
 * While the app stops, a request already running finishes, and every new request is turned away with a kind
 * "restarting" answer in the place Slack lets the bot answer it (and nothing runs).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ShutdownReport } from '../../../src/app.js';
import { BlockIds, CallbackIds } from '../../../src/blocks/ids.js';
import { RESTARTING_TEXT } from '../../../src/blocks/restarting.js';
import { PEOPLE, startTestApp, type TestApp } from '../../support/app.js';
import { waitFor } from '../../support/wait.js';

let t: TestApp;
let stopping: Promise<ShutdownReport>;
let held: ReturnType<TestApp['authgear']['hold']>;
let running: Awaited<ReturnType<TestApp['driver']['slashCommand']>>;

beforeAll(async () => {
  t = await startTestApp();
  t.authgear.store.addUser({ email: 'inflight@example.com' });
  held = t.authgear.hold();
  running = await t.driver.slashCommand({ userId: PEOPLE.viewer, text: 'user inflight@example.com' });
  await waitFor(() => held.waiting() > 0, { message: 'the look-up reaching Authgear' });
  stopping = t.built.stop({ graceMs: 20_000 });
  await waitFor(() => t.logs.some((l) => l.includes('waiting for requests in flight')));
});
afterAll(async () => {
  held.release();
  await stopping;
  await Promise.all([t.slack.close(), t.authgear.close()]);
});

describe('requests arriving during shutdown', () => {
  it('answers a slash command in its ack', async () => {
    const res = await t.driver.slashCommand({ userId: PEOPLE.viewer, text: 'user inflight@example.com' });
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toEqual({ response_type: 'ephemeral', text: RESTARTING_TEXT });
    expect(t.slack.responsesTo(res.responseUrlId ?? '')).toEqual([]);
  });

  it('answers a click on a message through its response_url, without replacing the message', async () => {
    const res = await t.driver.blockAction({
      userId: PEOPLE.admin,
      actionId: 'approval_approve',
      value: 'apr_x',
    });
    expect(res.status).toBe(200);
    const answer = await waitFor(() => t.slack.responsesTo(res.responseUrlId ?? '')[0]?.body);
    expect(answer).toMatchObject({
      response_type: 'ephemeral',
      replace_original: false,
      text: RESTARTING_TEXT,
    });
  });

  it('keeps a submitted form open with the message on its first field', async () => {
    const res = await t.driver.viewSubmission({
      userId: PEOPLE.viewer,
      callbackId: CallbackIds.lookupModal,
      values: { [BlockIds.who]: { [BlockIds.who]: { type: 'plain_text_input', value: 'a@example.com' } } },
    });
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toEqual({
      response_action: 'errors',
      errors: { [BlockIds.who]: RESTARTING_TEXT },
    });
  });

  it('puts the message on the first input block, not on another block with a stateful element', async () => {
    const who = { type: 'plain_text_input', value: 'a@example.com' };
    const res = await t.driver.viewSubmission({
      userId: PEOPLE.viewer,
      callbackId: CallbackIds.actionModal,
      // Slack's state.values lists every block with a stateful element, input or not.
      values: {
        pick: { pick: { type: 'static_select', selected_option: null } },
        [BlockIds.who]: { [BlockIds.who]: who },
      },
      blocks: [
        {
          type: 'actions',
          block_id: 'pick',
          elements: [
            {
              type: 'static_select',
              action_id: 'pick',
              options: [{ text: { type: 'plain_text', text: 'One' }, value: '1' }],
            },
          ],
        },
        {
          type: 'input',
          block_id: BlockIds.who,
          label: { type: 'plain_text', text: 'Who?' },
          element: { type: 'plain_text_input', action_id: BlockIds.who },
        },
      ],
    });
    expect(JSON.parse(res.body)).toEqual({
      response_action: 'errors',
      errors: { [BlockIds.who]: RESTARTING_TEXT },
    });
  });

  it.each([
    [
      'a global shortcut',
      () => t.driver.globalShortcut({ userId: PEOPLE.viewer, callbackId: CallbackIds.lookupUserShortcut }),
    ],
    [
      'a click on the App Home tab',
      () =>
        t.driver.blockAction({
          userId: PEOPLE.admin,
          actionId: 'approval_approve',
          value: 'apr_y',
          view: { id: 'VHOME01', type: 'home' },
        }),
    ],
  ])('answers %s in a small modal', async (_name, send) => {
    const res = await send();
    expect(res.status).toBe(200);
    const opened = await waitFor(() =>
      t.slack.callsTo('views.open').find((c) => c.args.trigger_id === res.triggerId),
    );
    expect(opened.ok).toBe(true);
    expect(JSON.stringify(opened.args.view)).toContain(RESTARTING_TEXT);
  });

  it('lets the request already running finish and answer, then reports a full drain', async () => {
    held.release();
    const report = await stopping;
    expect(report).toEqual({ drained: true, abandoned: 0, auditFlushed: true });
    const answer = await waitFor(() => t.slack.responsesTo(running.responseUrlId ?? '')[0]?.body);
    expect(JSON.stringify(answer)).toContain('inflight@example.com');
  });
});
