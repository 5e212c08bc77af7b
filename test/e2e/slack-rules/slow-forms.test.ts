/**
 * A trigger_id opens a view only within about 3 s (RULES.md). With an Admin API that takes 3.5 s, the form still
 * opens: the bot opens a loading view at once, then fills the form in with views.update.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { encodeNodeId } from '../../fakes/authgear/index.js';
import { PEOPLE, startTestApp, type TestApp } from '../../support/app.js';
import { formShown } from '../../support/views.js';
import { waitFor } from '../../support/wait.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
  t.authgear.store.addUser({ email: 'slow@example.com', name: 'Slow Poke' });
});
afterAll(async () => t.stop());
afterEach(() => t.authgear.setLatency(0));

const SLOW_MS = 3500;

describe('forms behind a slow Admin API', () => {
  it('opens the disable form from a slash command when Authgear takes 3.5 s', async () => {
    t.authgear.setLatency(SLOW_MS);
    const before = t.slack.calls.length;
    const command = await t.driver.slashCommand({ userId: PEOPLE.support, text: 'disable slow@example.com' });
    expect(command.status).toBe(200);
    const opened = await waitFor(() => t.slack.calls.slice(before).find((c) => c.method === 'views.open'), {
      timeoutMs: 2000,
      message: 'the form opening before Authgear answers',
    });
    expect(opened.ok).toBe(true);
    expect(JSON.stringify(opened.args.view)).toContain('Loading');
    const form = await formShown(t.slack, before, { timeoutMs: 15_000 });
    expect(JSON.stringify(form)).toContain('Slow Poke');
    expect(form.blocks.some((b) => b.block_id === 'reason')).toBe(true);
    const update = t.slack.calls.slice(before).find((c) => c.method === 'views.update');
    expect(update?.at ?? 0).toBeGreaterThanOrEqual(opened.at + SLOW_MS - 100);
  });

  it('opens the edit form from a card button when Authgear takes 3.5 s', async () => {
    const user = t.authgear.store.users().find((u) => u.standardAttributes.email === 'slow@example.com');
    t.authgear.setLatency(SLOW_MS);
    const before = t.slack.calls.length;
    await t.driver.blockAction({
      userId: PEOPLE.support,
      actionId: 'start_action:edit',
      blockId: 'user_actions',
      value: JSON.stringify({ k: 'edit', u: encodeNodeId('User', user?.id ?? '') }),
    });
    const form = await formShown(t.slack, before, { timeoutMs: 15_000 });
    expect(form.blocks.some((b) => b.block_id === 'family_name')).toBe(true);
  });

  it('shows in the open form what went wrong when the user does not exist', async () => {
    const before = t.slack.calls.length;
    const command = await t.driver.slashCommand({
      userId: PEOPLE.support,
      text: 'disable ghost@example.com',
    });
    const notice = await waitFor(() =>
      t.slack.calls.slice(before).find((c) => c.method === 'views.update' && c.ok),
    );
    expect(JSON.stringify(notice.args.view)).toContain('No Authgear user matches');
    expect(t.slack.responsesTo(command.responseUrlId ?? '')).toEqual([]);
  });

  it('lets the person close the loading form: the bot stops there, with no error to them', async () => {
    const held = t.authgear.hold();
    const before = t.slack.calls.length;
    const command = await t.driver.slashCommand({ userId: PEOPLE.support, text: 'disable slow@example.com' });
    const opened = await waitFor(() =>
      t.slack.calls.slice(before).find((c) => c.method === 'views.open' && c.ok),
    );
    await waitFor(() => held.waiting() > 0, { message: 'the read reaching Authgear' });
    t.slack.closeView(String((opened.response.view as { id: string }).id));
    t.slack.expectRefusal({ method: 'views.update', error: 'not_found' });
    held.release();
    await waitFor(() => t.logs.some((l) => l.includes('the form was closed before it was filled in')), {
      message: 'the bot noticing the form was closed',
    });
    expect(t.slack.calls.slice(before).filter((c) => c.method === 'views.update')).toHaveLength(1);
    expect(t.slack.responsesTo(command.responseUrlId ?? '')).toEqual([]);
    expect(t.slack.messagesIn(t.slack.dmChannelFor(PEOPLE.support))).toEqual([]);
  });
});
