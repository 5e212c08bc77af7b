/**
 * An Authgear error with no extensions (Authgear's bare "unexpected error" for anything that is not an API
 * error, pkg/util/graphqlutil/api_error.go): the person is told which action Authgear refused, that it gave no
 * reason, and a reference; the log has the reference and Authgear's message, masked.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeNodeId } from '../../fakes/authgear/index.js';
import { CHANNELS, PEOPLE, startTestApp, type TestApp } from '../../support/app.js';
import { waitFor } from '../../support/wait.js';
import { runConfirmed } from './flow.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t.stop());

describe('an error Authgear gives no reason for', () => {
  it('names the refused action, says no reason was given, and logs a reference with the masked message', async () => {
    const user = t.authgear.store.addUser({ email: 'opaque@example.com' });
    t.authgear.failNext({ kind: 'unexpected', operation: 'SetDisabledStatus' });
    const run = await runConfirmed(t, PEOPLE.support, 'disable opaque@example.com left the company');
    expect(run.mutations.map((r) => [r.operationName, r.variables])).toEqual([
      [
        'SetDisabledStatus',
        { userID: encodeNodeId('User', user.id), isDisabled: true, reason: 'left the company' },
      ],
    ]);
    const said = JSON.stringify(run.result);
    expect(said).toContain('Authgear refused to disable user and gave no reason');
    expect(said).toContain('nothing was changed');
    const reference = /reference `([0-9a-f]{8})`/.exec(said)?.[1];
    expect(reference).toBeDefined();
    const logged = t.logs.find((l) => l.includes('without extensions'));
    expect(logged).toContain(`"reference":"${reference}"`);
    expect(logged).toContain('"authgearMessage":"unexpected error"');
    expect(logged).toContain('"operation":"SetDisabledStatus"');
    expect(logged).not.toContain('left the company');
    const audit = await waitFor(() =>
      t.slack
        .messagesIn(CHANNELS.audit)
        .find(
          (m) =>
            JSON.stringify(m.args).includes('opaque@example.com') &&
            JSON.stringify(m.args).includes('authgear.unexpected'),
        ),
    );
    expect(JSON.stringify(audit.args)).toContain('Disable');
    expect(t.authgear.store.status(user).isDisabled).toBe(false);
  });
});
