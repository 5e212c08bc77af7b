/**
 * Denied attempts do not flood the audit channel: the first refusal of a kind is posted at once, the repeats within
 * a minute are counted and reported in one line when the minute is over.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNELS, PEOPLE, startTestApp, type TestApp } from '../../support/app.js';
import { waitFor } from '../../support/wait.js';

let offset = 0;
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ now: () => new Date(Date.now() + offset) });
  t.authgear.store.addUser({ email: 'flood@example.com' });
});
afterAll(async () => t.stop());

const auditLines = () =>
  t.slack
    .messagesIn(CHANNELS.audit)
    .map((m) => String(m.args.text))
    .join('\n')
    .split('\n')
    .filter((l) => l.includes('*denied*') && l.includes(PEOPLE.viewer));

const attempt = async () => {
  const cmd = await t.driver.slashCommand({ userId: PEOPLE.viewer, text: 'delete-now flood@example.com x' });
  expect(JSON.stringify(await t.response(cmd.responseUrlId))).toContain("doesn't allow");
};

describe('a burst of denied attempts', () => {
  it('posts the first at once and the count of the rest once the minute is over', async () => {
    for (let i = 0; i < 12; i += 1) await attempt();
    await waitFor(() => auditLines().length === 1, { message: 'the first denial in #audit' });
    offset += 61_000;
    await attempt();
    const lines = await waitFor(() => (auditLines().length === 3 ? auditLines() : undefined), {
      message: 'the count, then the next first denial',
    });
    expect(lines.filter((l) => l.includes('repeated 11× more'))).toHaveLength(1);
    expect(lines.filter((l) => l.includes('repeated'))).toHaveLength(1);
  });
});
