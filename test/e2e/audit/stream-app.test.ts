import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNELS, DEFAULT_POLICY, startTestApp, type TestApp } from '../../support/app.js';
import { waitFor } from '../../support/wait.js';

let t: TestApp;

beforeAll(async () => {
  t = await startTestApp({
    policy: `${DEFAULT_POLICY}
audit_stream:
  enabled: true
  activity_types: [USER_DISABLED]
  interval: 1s
`,
  });
});
afterAll(async () => t.stop());

describe("Authgear's audit log streamed by the running app", () => {
  it('posts new entries of the chosen activity types to the audit channel, and only those', async () => {
    const later = new Date(Date.now() + 500).toISOString();
    const user = t.authgear.store.addUser({ email: 'streamed@example.com' });
    t.authgear.store.addAuditLog({
      activityType: 'USER_DISABLED',
      userId: user.id,
      createdAt: later,
      clientID: 'portal-x',
    });
    t.authgear.store.addAuditLog({
      activityType: 'USER_AUTHENTICATED',
      userId: user.id,
      createdAt: later,
      clientID: 'login-y',
    });
    const posted = await waitFor(
      () => t.slack.messagesIn(CHANNELS.audit).find((c) => JSON.stringify(c.args).includes('portal-x')),
      { timeoutMs: 8000, message: 'the streamed USER_DISABLED entry in the audit channel' },
    );
    expect(JSON.stringify(posted.args)).not.toContain('login-y');
    const listed = t.authgear.requests.filter((r) => r.operationName === 'ListAuditLogs');
    expect(listed.length).toBeGreaterThan(0);
    expect(listed.at(-1)?.variables.activityTypes).toEqual(['USER_DISABLED']);
    expect(t.slack.violations).toEqual([]);
  });
});
