/**
 * usergroups.users.list is Tier 2 (about 20 calls a minute; RULES.md), and the Slack fake answers `ratelimited`
 * past it. Rights read "fresh" at a click reuse what Slack said within the last few seconds, so a burst of clicks
 * costs one look-up; `subteam_members_changed` still drops the cache at once. When Slack rate-limits the look-up,
 * the bot uses the last membership it knows, and refuses when it knows none.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNELS, PEOPLE, startTestApp, type TestApp } from '../../support/app.js';
import { waitFor } from '../../support/wait.js';
import { confirmValueOf } from '../account/flow.js';

const policy = `
channels: { audit: ${CHANNELS.audit} }
roles:
  support: { actions: [user.view, user.disable] }
members:
  - { slack_usergroup: S0SUPPORT, roles: [support] }
`;

let offset = 0;
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ policy, now: () => new Date(Date.now() + offset) });
});
afterAll(async () => t.stop());

let n = 0;
const lookups = () => t.slack.callsTo('usergroups.users.list').length;
const disables = () => t.authgear.requests.filter((r) => r.query.includes('setDisabledStatus'));
const text = (v: unknown) => JSON.stringify(v);

/** The grouped support person disables a new user: the slash command, then Confirm; the final answer. */
const disableOne = async (): Promise<string> => {
  n += 1;
  const email = `rate${n}@example.com`;
  t.authgear.store.addUser({ email });
  const cmd = await t.driver.slashCommand({ userId: PEOPLE.grouped, text: `disable ${email} burst` });
  const click = await t.driver.blockAction({
    userId: PEOPLE.grouped,
    actionId: 'confirm_action',
    value: confirmValueOf(await t.response(cmd.responseUrlId)),
  });
  return waitFor(() =>
    t.slack
      .responsesTo(click.responseUrlId ?? '')
      .map((r) => text(r.body))
      .find((b) => !b.includes('…')),
  );
};

describe('user-group look-ups under Slack rate limits', () => {
  it('runs 25 confirmed actions in a burst on a handful of look-ups, never past the Tier 2 limit', async () => {
    const from = lookups();
    for (let i = 0; i < 25; i += 1) expect(await disableOne()).toContain('is disabled');
    expect(disables()).toHaveLength(25);
    expect(lookups() - from).toBeLessThanOrEqual(3);
  });

  it('uses the last membership it knows when Slack answers ratelimited', async () => {
    offset += 60_000; // past every cache: the next click asks Slack
    t.slack.rateLimit('usergroups.users.list', { times: 1, retryAfterSeconds: 30 });
    const before = disables().length;
    expect(await disableOne()).toContain('is disabled');
    expect(disables()).toHaveLength(before + 1);
    expect(t.logs.some((l) => l.includes('ratelimited') && l.includes('S0SUPPORT'))).toBe(true);
  });
});

describe('with nothing known yet', () => {
  it('refuses when Slack rate-limits the first look-up, and changes nothing', async () => {
    const fresh = await startTestApp({ policy });
    try {
      fresh.slack.rateLimit('usergroups.users.list', { times: 5, retryAfterSeconds: 30 });
      fresh.authgear.store.addUser({ email: 'first@example.com' });
      const cmd = await fresh.driver.slashCommand({
        userId: PEOPLE.grouped,
        text: 'disable first@example.com x',
      });
      expect(text(await fresh.response(cmd.responseUrlId))).toContain(
        'could not check your Slack user groups',
      );
      expect(fresh.authgear.requests.filter((r) => r.query.includes('setDisabledStatus'))).toEqual([]);
    } finally {
      await fresh.stop();
    }
  });
});
