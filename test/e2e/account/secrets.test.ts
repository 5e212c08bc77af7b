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
