import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNELS, PEOPLE, SIGNING_SECRET, startTestApp, type TestApp } from '../../support/app.js';
import { createSlackDriver } from '../../support/slack-driver.js';
import { waitFor } from '../../support/wait.js';
import { confirmValueOf, runConfirmed } from './flow.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t.stop());

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** The secret as a whole token: a 6-digit code inside a longer number (a timestamp) is not a leak. */
const occurrences = (haystack: string, secret: string): number =>
  haystack.match(new RegExp(`(?<![A-Za-z0-9])${escapeRegExp(secret)}(?![A-Za-z0-9])`, 'g'))?.length ?? 0;

const secretOf = (result: Record<string, unknown>): string => {
  const blocks = JSON.stringify(result.blocks ?? []);
  const match = /:\*\s`([^`]+)`/.exec(blocks);
  if (!match?.[1]) throw new Error(`no secret shown in ${blocks}`);
  return match[1];
};

describe('secrets are shown once, to the requester only', () => {
  it.each([
    ['otp', (e: string) => `otp ${e} login`, 'GenerateOOBOTPCode'],
    ['reset-password generate', (e: string) => `reset-password ${e} generate`, 'ResetPassword'],
  ])(
    '%s: the secret appears only in the result sent to the requester',
    async (_l, command, operationName) => {
      const email = `secret-${operationName.toLowerCase()}@example.com`;
      const user = t.authgear.store.addUser({ email, name: 'Secret Keeper' });
      const run = await runConfirmed(t, PEOPLE.support, command(email));
      expect(run.mutations.map((m) => m.operationName)).toEqual([operationName]);
      await waitFor(() =>
        t.slack
          .messagesIn(CHANNELS.audit)
          .some((m) => String(m.args.text).includes('*executed*') && String(m.args.text).includes(email)),
      );

      const secret = secretOf(run.result);
      const sent = t.authgear.store.sentMessages.at(-1);
      const stored = t.authgear.store
        .user(user.id)
        ?.authenticators.find((a) => a.type === 'PASSWORD')?.password;
      expect(secret).toBe(
        operationName === 'ResetPassword' ? stored : sent?.kind === 'otp_code' ? sent.code : '',
      );
      expect(run.result.response_type).toBe('ephemeral');

      const results = t.slack.responses.filter((r) => occurrences(JSON.stringify(r.body), secret) > 0);
      expect(results.map((r) => r.id)).toEqual([run.resultResponseId]);
      expect(occurrences(JSON.stringify(run.result), secret)).toBe(1);
      const otherResponses = t.slack.responses.filter((r) => r.body !== run.result).map((r) => r.body);
      expect(occurrences(JSON.stringify(otherResponses), secret)).toBe(0);
      expect(occurrences(JSON.stringify(t.slack.calls.map((c) => c.args)), secret)).toBe(0);
      expect(occurrences(t.logs.join('\n'), secret)).toBe(0);
      expect(occurrences(JSON.stringify(t.slack.messagesIn(CHANNELS.audit).map((m) => m.args)), secret)).toBe(
        0,
      );
    },
  );
});

describe('a secret Slack cannot show where it does not keep it', () => {
  it('is never sent by DM: the requester is told it ran and to regenerate it', async () => {
    const email = 'secret-nowhere@example.com';
    t.authgear.store.addUser({ email });
    const command = await t.driver.slashCommand({ userId: PEOPLE.support, text: `otp ${email} login` });
    const confirmation = await t.response(command.responseUrlId);
    // The click's response_url has taken 4 of its 5 posts: "working…" is the last one it accepts.
    const usedUp = t.slack.responseUrl('secret-used-up');
    for (let i = 0; i < 4; i++)
      await fetch(usedUp, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"text":"x"}',
      });
    const driver = createSlackDriver({
      url: t.url,
      signingSecret: SIGNING_SECRET,
      responseUrl: () => usedUp,
    });
    t.slack.expectRefusal({ method: 'response_url', error: 'used_url' });
    await driver.blockAction({
      userId: PEOPLE.support,
      actionId: 'confirm_action',
      blockId: 'confirm',
      value: confirmValueOf(confirmation),
    });
    const dm = t.slack.dmChannelFor(PEOPLE.support);
    const note = await waitFor(() =>
      t.slack.messagesIn(dm).find((m) => JSON.stringify(m.args).includes('could not be shown to you')),
    );
    expect(JSON.stringify(note.args)).toContain('may need regenerating');
    const sent = await waitFor(() =>
      t.authgear.store.sentMessages.find((m) => m.kind === 'otp_code' && m.target === email),
    );
    const code = 'code' in sent ? String(sent.code) : '';
    expect(code).toMatch(/^\d{6}$/);
    expect(occurrences(JSON.stringify(t.slack.calls.map((c) => c.args)), code)).toBe(0);
    expect(occurrences(t.logs.join('\n'), code)).toBe(0);
  });
});

describe('a secret for a confirmation card Slack keeps (delivered by DM)', () => {
  it('never replaces the stored card: the card says done, the secret comes as a new ephemeral answer', async () => {
    const email = 'secret-stored-card@example.com';
    t.authgear.store.addUser({ email });
    // The command's response_url is used up, so the confirmation card arrives by DM: a message Slack keeps.
    const usedUp = t.slack.responseUrl('command-used-up');
    for (let i = 0; i < 5; i++)
      await fetch(usedUp, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"text":"x"}',
      });
    const commandDriver = createSlackDriver({
      url: t.url,
      signingSecret: SIGNING_SECRET,
      responseUrl: () => usedUp,
    });
    t.slack.expectRefusal({ method: 'response_url', error: 'used_url' });
    await commandDriver.slashCommand({ userId: PEOPLE.support, text: `otp ${email} login` });
    const dm = t.slack.dmChannelFor(PEOPLE.support);
    const card = await waitFor(() =>
      t.slack.messagesIn(dm).find((m) => JSON.stringify(m.args).includes('confirm_action')),
    );
    const ts = String(card.response.ts);
    const click = await t.driver.blockAction({
      userId: PEOPLE.support,
      actionId: 'confirm_action',
      blockId: 'confirm',
      value: confirmValueOf(card.args),
      channelId: dm,
      message: { type: 'message', ts, text: card.args.text, blocks: card.args.blocks },
    });
    const sent = await waitFor(() =>
      t.authgear.store.sentMessages.find((m) => m.kind === 'otp_code' && m.target === email),
    );
    const code = 'code' in sent ? String(sent.code) : '';
    expect(code).toMatch(/^\d{6}$/);
    const shown = await waitFor(() =>
      t.slack
        .responsesTo(click.responseUrlId ?? '')
        .find((r) => occurrences(JSON.stringify(r.body), code) > 0),
    );
    expect(shown.body).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    const stored = await waitFor(() => {
      const m = t.slack.storedMessage(dm, ts);
      return m && JSON.stringify(m).includes('was shown to you only') ? m : undefined;
    });
    expect(JSON.stringify(stored)).not.toContain('confirm_action');
    expect(occurrences(JSON.stringify(t.slack.storedMessages()), code)).toBe(0);
    expect(occurrences(JSON.stringify(t.slack.calls.map((c) => c.args)), code)).toBe(0);
    expect(t.slack.responses.filter((r) => occurrences(JSON.stringify(r.body), code) > 0)).toHaveLength(1);
  });
});
