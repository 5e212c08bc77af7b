/**
 * `audit <who>` shows the messages sent to the user's addresses ("did the code reach them?"): Authgear logs each
 * delivery with no user, only the recipient (FACTS.md auditLogs), so the bot asks by address too; and page 2
 * never repeats page 1, even when entries arrive between the two (rangeTo pinned at the first page).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeNodeId } from '../../fakes/authgear/index.js';
import { PEOPLE, startTestApp, type TestApp } from '../../support/app.js';
import { runConfirmed } from '../account/flow.js';

let t: TestApp;
beforeAll(async () => {
  // The bot reads the log a few seconds after the events (its pinned range ends at the start of its current
  // second, and Authgear keeps whole seconds: an entry of this very second shows on the next run).
  t = await startTestApp({
    env: { AUTHGEAR_LOGIN_ID_KEYS: 'email,phone' },
    now: () => new Date(Date.now() + 5000),
  });
  t.authgear.store.configure({ loginIdKeys: ['email', 'phone'] });
});
afterAll(async () => t.stop());

const text = (v: unknown) => JSON.stringify(v);
const nextCommand = (body: unknown): string | undefined =>
  /run `\/authgear (audit [^`]+)`/.exec(text(body))?.[1];

describe('/authgear audit <who>: message deliveries', () => {
  it('lists the reset message Authgear sent to the user’s email, asking Authgear by address', async () => {
    const dana = t.authgear.store.addUser({ email: 'dana@example.com', phone: '+14155550123' });
    await runConfirmed(t, PEOPLE.support, 'send-reset dana@example.com');
    const res = await t.driver.slashCommand({ userId: PEOPLE.viewer, text: 'audit dana@example.com' });
    const page = await t.response(res.responseUrlId);
    expect(text(page)).toContain('`EMAIL_SENT` · to dana@example.com (forgot_password)');
    expect(text(page)).toContain('Includes messages sent to dana@example.com, +14155550123');
    expect(t.authgear.requests.at(-1)).toMatchObject({
      operationName: 'ListAuditLogs',
      variables: {
        userIDs: [encodeNodeId('User', dana.id)],
        emailAddresses: ['dana@example.com'],
        phoneNumbers: ['+14155550123'],
        rangeTo: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.000Z$/),
        sortDirection: 'DESC',
      },
    });
  });
});

describe('/authgear audit paging', () => {
  it('pins rangeTo at the first page, so page 2 never repeats page 1 when entries arrive', async () => {
    const erin = t.authgear.store.addUser({ email: 'erin@example.com' });
    const base = Date.now() - 86_400_000;
    t.authgear.store.addAuditLogs(25, (i) => ({
      activityType: 'USER_AUTHENTICATED',
      userId: erin.id,
      createdAt: new Date(base + i * 60_000).toISOString(),
      clientID: `erin-${i}`,
    }));
    const res = await t.driver.slashCommand({ userId: PEOPLE.viewer, text: 'audit erin@example.com' });
    const page1 = await t.response(res.responseUrlId);
    const next = nextCommand(page1);
    expect(next).toMatch(/--after \S+ --until \S+Z$/);
    // Three more sign-ins while the person reads page 1.
    t.authgear.store.addAuditLogs(3, (i) => ({
      activityType: 'USER_AUTHENTICATED',
      userId: erin.id,
      createdAt: new Date(Date.now() + 10_000 + i).toISOString(),
      clientID: `erin-late-${i}`,
    }));
    const again = await t.driver.slashCommand({ userId: PEOPLE.viewer, text: next ?? '' });
    const page2 = await t.response(again.responseUrlId);
    const clients = (body: unknown) => [...text(body).matchAll(/client (erin-[\w-]+)/g)].map((m) => m[1]);
    const seen1 = clients(page1);
    const seen2 = clients(page2);
    expect(seen1).toHaveLength(20);
    expect(seen2).toEqual(['erin-4', 'erin-3', 'erin-2', 'erin-1', 'erin-0']);
    expect(seen2.filter((c) => seen1.includes(c))).toEqual([]);
  });
});
