import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PEOPLE, startTestApp, type TestApp } from '../../support/app.js';

let t: TestApp;
let adaId = '';
const BASE = Date.now() - 3 * 86_400_000;

beforeAll(async () => {
  t = await startTestApp();
  const ada = t.authgear.store.addUser({ email: 'ada@example.com' });
  const bob = t.authgear.store.addUser({ email: 'bob@example.com' });
  adaId = ada.id;
  // 25 sign-ins of Ada over the last days, one disable of Bob, and an old entry from 30 days ago.
  t.authgear.store.addAuditLogs(25, (i) => ({
    activityType: 'USER_AUTHENTICATED',
    userId: ada.id,
    createdAt: new Date(BASE + i * 60_000).toISOString(),
    clientID: `ada-${i}`,
  }));
  t.authgear.store.addAuditLog({
    activityType: 'USER_DISABLED',
    userId: bob.id,
    createdAt: new Date(BASE + 3_600_000).toISOString(),
    ipAddress: '<!here>',
  });
  t.authgear.store.addAuditLog({
    activityType: 'USER_DISABLED',
    userId: ada.id,
    createdAt: new Date(Date.now() - 30 * 86_400_000).toISOString(),
    clientID: 'ada-old',
  });
});
afterAll(async () => t.stop());

const text = (body: unknown): string => JSON.stringify(body);
const nextCommand = (body: unknown): string | undefined =>
  /run `\/authgear (audit [^`]+)`/.exec(text(body))?.[1];

describe('/authgear audit', () => {
  it("pages through a user's entries newest first, the next page being the command shown", async () => {
    const res = await t.driver.slashCommand({ userId: PEOPLE.viewer, text: 'audit ada@example.com' });
    const page1 = await t.response(res.responseUrlId);
    expect(text(page1)).toContain('client ada-24');
    expect(text(page1)).not.toContain('client ada-4'); // 20 per page: ada-24 … ada-5
    expect(text(page1)).not.toContain('bob@example.com');
    const next = nextCommand(page1);
    expect(next).toContain(`audit ${adaId} --after `);
    const again = await t.driver.slashCommand({ userId: PEOPLE.viewer, text: next ?? '' });
    const page2 = await t.response(again.responseUrlId);
    expect(text(page2)).toContain('client ada-4');
    expect(text(page2)).toContain('client ada-old');
    expect(text(page2)).not.toContain('client ada-5');
    expect(nextCommand(page2)).toBeUndefined();
    expect(t.slack.violations).toEqual([]);
  });

  it('filters the project log by type and time, escaping what Authgear stored', async () => {
    const res = await t.driver.slashCommand({
      userId: PEOPLE.viewer,
      text: 'audit --type USER_DISABLED --since 7d',
    });
    const page = await t.response(res.responseUrlId);
    expect(text(page)).toContain('bob@example.com');
    expect(text(page)).toContain('&lt;!here&gt;');
    expect(text(page)).not.toContain('<!here>');
    expect(text(page)).not.toContain('ada-old');
    expect(t.authgear.requests.at(-1)?.variables).toMatchObject({
      activityTypes: ['USER_DISABLED'],
      sortDirection: 'DESC',
      first: 20,
    });
  });

  it('answers an unknown type with a kind message naming real ones', async () => {
    const res = await t.driver.slashCommand({ userId: PEOPLE.viewer, text: 'audit --type USER_LOCKED' });
    const body = await t.response(res.responseUrlId);
    expect(text(body)).toContain('no audit log type');
    expect(text(body)).toMatch(/USER_[A-Z_]+/);
  });

  it('is refused to someone without audit.view', async () => {
    const res = await t.driver.slashCommand({ userId: PEOPLE.nobody, text: 'audit' });
    const body = await t.response(res.responseUrlId);
    expect(text(body)).not.toContain('Authgear audit log for');
  });
});
