import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { ActionIds, CallbackIds, SLASH_COMMAND, startActionId } from '../../src/blocks/ids.js';
import { lookupModal } from '../../src/blocks/lookup-modal.js';
import { PEOPLE, startTestApp, type TestApp } from '../support/app.js';
import { projectRoot } from '../support/shared.js';

/**
 * Every ID in blocks/ids.ts and every command and shortcut in manifest.yml reaches a listener: Bolt answers a
 * request no listener acknowledged with 404 (after its 3 s timeout), an acknowledged one with 200. How fast the
 * ack comes is measured by `npm run bench`, not here; that the ack precedes the Admin API answer is
 * foundation.test.ts.
 */
let t: TestApp;

beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t.stop());

const manifest = parseYaml(readFileSync(resolve(projectRoot, 'manifest.yml'), 'utf8')) as {
  features: { slash_commands: { command: string }[]; shortcuts: { callback_id: string; type: string }[] };
};
const shortcutIds = new Set<string>([CallbackIds.lookupUserShortcut, CallbackIds.lookupSenderShortcut]);
/** Modals without a submit button: Slack never sends a submission for them. */
const unsubmittable = new Set<string>([CallbackIds.secretModal]);
const viewIds = Object.values(CallbackIds).filter((id) => !shortcutIds.has(id) && !unsubmittable.has(id));

describe('handler registration', () => {
  it.each([...Object.values(ActionIds), startActionId('disable')])(
    'acknowledges the button %s',
    async (actionId) => {
      const res = await t.driver.blockAction({ userId: PEOPLE.nobody, actionId, value: 'x' });
      expect(res.status).toBe(200);
    },
  );

  it.each(viewIds)('acknowledges a submission of the view %s', async (callbackId) => {
    const res = await t.driver.viewSubmission({
      userId: PEOPLE.nobody,
      callbackId,
      privateMetadata: '{}',
      values: {},
      // The look-up form always has its input (an error on it is keyed by that block, as Slack requires).
      ...(callbackId === CallbackIds.lookupModal
        ? { blocks: lookupModal().blocks as unknown as Record<string, unknown>[] }
        : {}),
    });
    expect(res.status).toBe(200);
  });

  it('has a listener for every slash command and shortcut in manifest.yml', async () => {
    expect(manifest.features.slash_commands.map((c) => c.command)).toEqual([SLASH_COMMAND]);
    const res = await t.driver.slashCommand({ userId: PEOPLE.nobody, text: 'help' });
    expect(res.status).toBe(200);
    for (const shortcut of manifest.features.shortcuts) {
      expect(shortcutIds.has(shortcut.callback_id)).toBe(true);
      const sent =
        shortcut.type === 'global'
          ? await t.driver.globalShortcut({ userId: PEOPLE.nobody, callbackId: shortcut.callback_id })
          : await t.driver.messageShortcut({
              userId: PEOPLE.nobody,
              callbackId: shortcut.callback_id,
              message: { user: PEOPLE.admin, text: 'hi', ts: '1.2' },
              channelId: 'C0GENERAL',
            });
      expect(sent.status).toBe(200);
    }
  });
});
