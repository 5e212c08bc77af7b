/** The log lines a service owner reads: one JSON info line per action outcome, secrets never included. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PEOPLE, startTestApp, type TestApp } from '../../support/app.js';
import { waitFor } from '../../support/wait.js';
import { runConfirmed } from '../account/flow.js';

type Line = Record<string, unknown>;

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t.stop());

const outcomeLines = (): Line[] =>
  t.logs.map((l) => JSON.parse(l) as Line).filter((l) => typeof l.outcome === 'string');

describe('action outcome log lines', () => {
  it('writes one info line per outcome: who, what, target ID, outcome, duration and reference', async () => {
    t.authgear.store.addUser({ email: 'logs1@example.com' });
    const before = outcomeLines().length;
    await runConfirmed(t, PEOPLE.support, 'disable logs1@example.com testing logs');
    const lines = await waitFor(() => {
      const found = outcomeLines().slice(before);
      return found.length > 0 && found;
    });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      level: 30,
      msg: 'action executed: disable',
      outcome: 'executed',
      action: 'user.disable',
      verb: 'disable',
      actor: PEOPLE.support,
      component: 'outcome',
    });
    expect(String(lines[0]?.targetId)).not.toBe('');
    expect(typeof lines[0]?.durationMs).toBe('number');
    expect(typeof lines[0]?.ref).toBe('string');
  });

  it('logs a refusal with its error code next to a success, and never the OTP', async () => {
    t.authgear.store.addUser({ email: 'logs2@example.com' });
    const before = outcomeLines().length;
    await runConfirmed(t, PEOPLE.support, 'otp logs2@example.com');
    await t.driver.slashCommand({ userId: PEOPLE.viewer, text: 'disable logs2@example.com no right' });
    const lines = await waitFor(() => {
      const found = outcomeLines().slice(before);
      return found.length >= 2 && found;
    });
    expect(lines.map((l) => [l.outcome, l.action, l.actor])).toEqual([
      ['executed', 'user.otp', PEOPLE.support],
      ['denied', 'user.disable', PEOPLE.viewer],
    ]);
    expect(lines[1]).toMatchObject({ level: 30, errorCode: 'permission.denied' });
    const answers = JSON.stringify(t.slack.responses.map((r) => r.body));
    const otp = answers.match(/`(\d{6,8})`/)?.[1];
    expect(otp).toBeDefined();
    expect(t.logs.join('\n')).not.toContain(otp);
  });
});

describe('start-up warnings', () => {
  it('lists the irreversible actions the policy lets run without an approval', () => {
    const line = t.logs.map((l) => JSON.parse(l) as Line).find((l) => String(l.msg).includes('irreversible'));
    expect(line).toMatchObject({ level: 40 });
    expect(line?.actions).toEqual(
      expect.arrayContaining([
        'delete-now (user.delete)',
        'anonymize-now (user.anonymize)',
        'delete-resource (resource.manage)',
        'delete-scope (resource.manage)',
      ]),
    );
  });

  it('says when roles may grant but grants.targets lists nothing that can be granted', () => {
    const line = t.logs
      .map((l) => JSON.parse(l) as Line)
      .find((l) => String(l.msg).includes('grants.targets'));
    expect(line).toMatchObject({ level: 40, roles: ['admin'] });
  });
});
