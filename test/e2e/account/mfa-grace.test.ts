import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeMfaGracePeriod, setMfaGracePeriod } from '../../../src/authgear/operations/authenticators.js';
import { encodeNodeId } from '../../fakes/authgear/index.js';
import { PEOPLE, startTestApp, type TestApp } from '../../support/app.js';
import { expected, expectSent, mutationsIn, sentSince } from '../admin-api/sent.js';
import { runConfirmed } from './flow.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t.stop());

const DAY = 86_400_000;
let n = 0;
const newUser = (extra: Parameters<TestApp['authgear']['store']['addUser']>[0] = {}) => {
  const email = `grace${++n}@example.com`;
  const user = t.authgear.store.addUser({ email, name: `Grace ${n}`, ...extra });
  return { email, user, nodeId: encodeNodeId('User', user.id) };
};
const text = (body: unknown) => JSON.stringify(body);

describe('mfa-grace', () => {
  it('gives a 7-day grace period counted from when it runs, and says until when', async () => {
    const { email, user, nodeId } = newUser();
    const before = Date.now();
    const run = await runConfirmed(t, PEOPLE.admin, `mfa-grace ${email} 7d`);
    const after = Date.now();
    expect(text(run.confirmation)).toContain('For 7d, they can sign in without a second factor');
    const [sent] = run.mutations;
    const endAt = String(sent?.variables.endAt);
    expect(Date.parse(endAt)).toBeGreaterThanOrEqual(before + 7 * DAY);
    expect(Date.parse(endAt)).toBeLessThanOrEqual(after + 7 * DAY);
    expectSent(run.mutations, expected(setMfaGracePeriod, { userID: nodeId, endAt }));
    expect(t.authgear.store.user(user.id)?.mfaGracePeriodEndAt).toBe(endAt);
    expect(text(run.result)).toContain('has an MFA grace period until');
  });

  it('ends a running grace period with removeMFAGracePeriod', async () => {
    const { email, user, nodeId } = newUser({
      mfaGracePeriodEndAt: new Date(Date.now() + DAY).toISOString(),
    });
    const run = await runConfirmed(t, PEOPLE.admin, `mfa-grace ${email} off`);
    expectSent(run.mutations, expected(removeMfaGracePeriod, { userID: nodeId }));
    expect(t.authgear.store.user(user.id)?.mfaGracePeriodEndAt).toBeNull();
    expect(text(run.result)).toContain('MFA grace period of Grace');
  });

  it('sends an end given as a date as that UTC midnight', async () => {
    const { email, nodeId } = newUser();
    const day = new Date(Date.now() + 10 * DAY).toISOString().slice(0, 10);
    const run = await runConfirmed(t, PEOPLE.admin, `mfa-grace ${email} ${day}`);
    expectSent(run.mutations, expected(setMfaGracePeriod, { userID: nodeId, endAt: `${day}T00:00:00.000Z` }));
  });

  it.each([
    ['more than 90 days ahead', '91d', 'at most 90 days'],
    ['in the past', '2020-01-01', 'already past'],
    ['not a time', 'soon', 'Say how long'],
  ])('refuses an end %s before sending anything', async (_why, until, words) => {
    const { email } = newUser();
    const from = t.authgear.requests.length;
    const res = await t.driver.slashCommand({ userId: PEOPLE.admin, text: `mfa-grace ${email} ${until}` });
    expect(text(await t.response(res.responseUrlId))).toContain(words);
    expect(mutationsIn(sentSince(t, from))).toEqual([]);
  });

  it('says there is nothing to end when the user has no grace period', async () => {
    const { email } = newUser();
    const res = await t.driver.slashCommand({ userId: PEOPLE.admin, text: `mfa-grace ${email} off` });
    expect(text(await t.response(res.responseUrlId))).toContain('has no MFA grace period');
  });

  it('refuses support, who has no user.mfa_grace, and sends nothing', async () => {
    const { email } = newUser();
    const from = t.authgear.requests.length;
    const res = await t.driver.slashCommand({ userId: PEOPLE.support, text: `mfa-grace ${email} 7d` });
    expect(text(await t.response(res.responseUrlId))).toContain("Your role doesn't allow that action");
    expect(sentSince(t, from)).toEqual([]);
  });

  it('shows the grace period on the user card, and the button for it', async () => {
    const end = new Date(Date.now() + 3 * DAY).toISOString();
    const { email } = newUser({ mfaGracePeriodEndAt: end });
    const res = await t.driver.slashCommand({ userId: PEOPLE.admin, text: `user ${email}` });
    const card = text(await t.response(res.responseUrlId));
    expect(card).toContain(`MFA grace period until <!date^${Math.floor(Date.parse(end) / 1000)}`);
    expect(card).toContain('start_action:mfa-grace');
  });
});
