import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BlockIds, CallbackIds } from '../../src/blocks/ids.js';
import { buttonCodec } from '../../src/blocks/payloads.js';
import { QUERY_BUTTONS } from '../../src/handlers/query-button.js';
import { coreQueries } from '../../src/queries/registry.js';
import { CHANNELS, DEFAULT_POLICY, PEOPLE, startTestApp, type TestApp } from '../support/app.js';
import { projectRoot } from '../support/shared.js';
import { waitFor } from '../support/wait.js';

/**
 * Every read-only entry point goes through runQuery, which authorizes before it runs. Here a person whose role
 * grants none of the read rights tries each one: the slash verbs, every read-only button (with a value a real card
 * posted) and both look-up shortcuts. Each must be refused, and Authgear must not be asked anything.
 */
const NO_READS = PEOPLE.nobody;
const POLICY = `${DEFAULT_POLICY}  - { slack_user: ${NO_READS}, roles: [bystander] }
`.replace('roles:\n', 'roles:\n  bystander: { actions: [approvals.view] }\n');

const golden = JSON.parse(
  readFileSync(resolve(projectRoot, 'test/fixtures/payloads/golden.json'), 'utf8'),
) as { codec: string; text: string }[];
const sampleFor = (actionId: string): string => {
  const sample = golden.find((g) => g.codec === buttonCodec(actionId)?.name);
  if (!sample) throw new Error(`no golden sample for ${actionId}`);
  return sample.text;
};

let t: TestApp;

beforeAll(async () => {
  t = await startTestApp({ policy: POLICY });
  t.authgear.store.addUser({ email: 'carol@example.com', name: 'Carol' });
});
afterAll(async () => t.stop());

/** Runs `send`, then waits for the refusal in the log: permission.denied for this read right. */
const expectRefused = async (send: () => Promise<unknown>, right: string): Promise<void> => {
  const asked = t.authgear.requests.length;
  const logged = t.logs.length;
  await send();
  const refusal = await waitFor(
    () =>
      t.logs
        .slice(logged)
        .map((line) => JSON.parse(line) as { msg?: string; code?: string; action?: string })
        .find((l) => l.msg === 'request refused'),
    { message: `a refusal of ${right}` },
  );
  expect(refusal).toMatchObject({ code: 'permission.denied', action: right });
  expect(t.authgear.requests.length).toBe(asked);
};

describe('the read path refuses a person without the right', () => {
  it('has the bystander holding a role, but no read right', () => {
    expect(t.policy.userRoles.get(NO_READS)).toEqual(['bystander']);
  });

  const readVerbs = coreQueries.filter((q) => q.permission !== 'approvals.view');
  it.each(readVerbs.map((q) => [q.verbs[0] ?? '', q] as const))('refuses /authgear %s', async (verb, q) => {
    await expectRefused(
      () => t.driver.slashCommand({ userId: NO_READS, text: `${verb} carol@example.com` }),
      q.permission,
    );
  });

  it.each(QUERY_BUTTONS.map((b) => [b.actionId, b] as const))(
    'refuses the read-only button %s',
    async (actionId, button) => {
      const value = sampleFor(actionId);
      const { query } = button.resolve(t.built.services, value);
      await expectRefused(
        () => t.driver.blockAction({ userId: NO_READS, actionId, value }),
        query.permission,
      );
    },
  );

  it('refuses the look-up form', async () => {
    await expectRefused(
      () =>
        t.driver.viewSubmission({
          userId: NO_READS,
          callbackId: CallbackIds.lookupModal,
          privateMetadata: '',
          values: {
            [BlockIds.who]: { [BlockIds.who]: { type: 'plain_text_input', value: 'carol@example.com' } },
          },
        }),
      'user.view',
    );
  });

  it('refuses the look-up-the-sender shortcut', async () => {
    await expectRefused(
      () =>
        t.driver.messageShortcut({
          userId: NO_READS,
          callbackId: CallbackIds.lookupSenderShortcut,
          message: { user: PEOPLE.admin, text: 'hi', ts: '1.2' },
          channelId: CHANNELS.ops,
        }),
      'user.view',
    );
  });
});
