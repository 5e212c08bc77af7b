/**
 * A response_url takes posts for 30 minutes (RULES.md). A form submitted later than that, after the command that
 * opened it, still answers the person: by DM, without posting to the dead URL when the bot can tell its age, and
 * after Slack's 404 expired_url when it cannot.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PEOPLE, startTestApp, type TestApp } from '../../support/app.js';
import { formShown } from '../../support/views.js';
import { waitFor } from '../../support/wait.js';
import { buttonsOf, confirmValueOf } from '../account/flow.js';

const THIRTY_ONE_MINUTES = 31 * 60_000;
let t: TestApp;
let appOffsetMs = 0;

beforeAll(async () => {
  t = await startTestApp({ now: () => new Date(Date.now() + appOffsetMs) });
});
afterAll(async () => t.stop());

const disableMutations = () => t.authgear.requests.filter((r) => r.operationName === 'SetDisabledStatus');

/** `/authgear disable <email>` with no reason opens the form; returns the command and the form shown. */
const openForm = async (email: string) => {
  t.authgear.store.addUser({ email });
  const before = t.slack.calls.length;
  const command = await t.driver.slashCommand({ userId: PEOPLE.support, text: `disable ${email}` });
  return { command, form: await formShown(t.slack, before) };
};

const submit = (form: Record<string, unknown>, reason: string) =>
  t.driver.viewSubmission({
    userId: PEOPLE.support,
    callbackId: 'action_modal',
    privateMetadata: String(form.private_metadata),
    values: { reason: { reason: { type: 'plain_text_input', value: reason } } },
  });

/** The confirmation that reached the person's DM with the bot after message number `since`. */
const confirmationInDm = (since: number) =>
  waitFor(
    () =>
      t.slack
        .messagesIn(t.slack.dmChannelFor(PEOPLE.support))
        .slice(since)
        .map((m) => m.args)
        .find((a) => buttonsOf(a).some((b) => b.action_id === 'confirm_action')),
    { message: 'a confirmation by DM' },
  );

describe('a form submitted more than 30 minutes after the command', () => {
  it('answers by DM and never posts to the expired response_url; Confirm from the DM runs it once', async () => {
    const { command, form } = await openForm('late-form@example.com');
    const dm = t.slack.dmChannelFor(PEOPLE.support);
    const dmBefore = t.slack.messagesIn(dm).length;
    t.slack.advance(THIRTY_ONE_MINUTES);
    appOffsetMs += THIRTY_ONE_MINUTES;

    expect((await submit(form, 'left the company')).status).toBe(200);
    const confirmation = await confirmationInDm(dmBefore);
    expect(JSON.stringify(confirmation)).toContain('late-form@example.com');
    expect(t.slack.responsesTo(command.responseUrlId ?? '')).toEqual([]);
    expect(t.slack.refusals).toEqual([]);

    const click = await t.driver.blockAction({
      userId: PEOPLE.support,
      actionId: 'confirm_action',
      blockId: 'confirm',
      value: confirmValueOf(confirmation),
      channelId: dm,
    });
    const result = await t.response(click.responseUrlId, 2);
    expect(JSON.stringify(result)).toContain('late-form@example.com');
    expect(disableMutations()).toHaveLength(1);
  });

  it('answers by DM after Slack refuses the old response_url when the bot could not tell it was too old', async () => {
    const { command, form } = await openForm('late-unknown@example.com');
    const dmBefore = t.slack.messagesIn(t.slack.dmChannelFor(PEOPLE.support)).length;
    t.slack.advance(THIRTY_ONE_MINUTES); // Slack's clock only: the bot's clock thinks no time has passed
    t.slack.expectRefusal({ method: 'response_url', error: 'expired_url' });

    await submit(form, 'fraud');
    const confirmation = await confirmationInDm(dmBefore);
    expect(JSON.stringify(confirmation)).toContain('late-unknown@example.com');
    expect(t.slack.responsesTo(command.responseUrlId ?? '')).toEqual([]);
  });
});

describe('a form whose context went stale', () => {
  it.each([
    ['metadata the bot cannot read', 'not json'],
    ['an action that no longer exists', JSON.stringify({ k: 'gone-action' })],
  ])('answers %s inside the form with a kind notice', async (_what, privateMetadata) => {
    const dmsBefore = t.slack.messagesIn(t.slack.dmChannelFor(PEOPLE.support)).length;
    const res = await t.driver.viewSubmission({
      userId: PEOPLE.support,
      callbackId: 'action_modal',
      privateMetadata,
      values: { reason: { reason: { type: 'plain_text_input', value: 'stale' } } },
    });
    expect(res.json).toMatchObject({ response_action: 'update', view: { type: 'modal' } });
    expect(JSON.stringify(res.json)).toContain('This form is out of date');
    expect(t.slack.messagesIn(t.slack.dmChannelFor(PEOPLE.support))).toHaveLength(dmsBefore);
  });
});
