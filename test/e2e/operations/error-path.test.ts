/** One error path: whatever escapes a listener is acknowledged, logged with a reference, and shown with it. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PEOPLE, startTestApp, type TestApp } from '../../support/app.js';
import { waitFor } from '../../support/wait.js';

type Line = Record<string, unknown>;
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t.stop());

describe('the listener wrapper', () => {
  it('tells the person a reference by DM when a shortcut fails unexpectedly, and logs the same reference', async () => {
    t.slack.failNext('views.open', { times: 1, error: 'fatal_error' });
    const sent = await t.driver.globalShortcut({ userId: PEOPLE.viewer, callbackId: 'authgear_lookup_user' });
    expect(sent.status).toBe(200);
    const dm = await waitFor(() => t.slack.messagesIn(t.slack.dmChannelFor(PEOPLE.viewer)).at(-1));
    const ref = /Reference: `([0-9a-f]{8})`/.exec(JSON.stringify(dm.args))?.[1];
    expect(ref).toBeDefined();
    const line = t.logs.map((l) => JSON.parse(l) as Line).find((l) => l.ref === ref);
    expect(line).toMatchObject({ level: 50, handler: 'lookup_shortcut', escaped: true, user: PEOPLE.viewer });
    expect(String(line?.message)).toContain('fatal_error');
  });
});
