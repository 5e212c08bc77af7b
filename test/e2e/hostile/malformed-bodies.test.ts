/**
 * Signed requests Slack would never send, against the bot as its own process (`src/main.ts`): a signed
 * `payload=null` used to stop the process inside Bolt's receiver. Each shape is refused, and the same process keeps
 * answering `/authgear help` afterwards.
 */
import type { ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Fakes, PEOPLE, startFakes } from '../../support/app.js';
import { CHILD_SIGNING_SECRET, exitOf, spawnFromSource, writeAppDir } from '../../support/child-app.js';
import { makeAdminKey } from '../../support/keys.js';
import { freePort } from '../../support/redis.js';
import { createSlackDriver, type SlackDriver } from '../../support/slack-driver.js';
import { waitFor } from '../../support/wait.js';

const FORM = 'application/x-www-form-urlencoded';
const form = (payload: string): string => new URLSearchParams({ payload }).toString();
const user = { id: PEOPLE.admin, username: 'ada', team_id: 'T0AUTHGEAR' };

let fakes: Fakes;
let child: ChildProcess;
let driver: SlackDriver;
const output: string[] = [];

beforeAll(async () => {
  fakes = await startFakes();
  const port = await freePort();
  const cwd = writeAppDir({ slack: fakes.slack, authgear: fakes.authgear, key: makeAdminKey(), port });
  child = spawnFromSource(cwd);
  child.stdout?.on('data', (d: Buffer) => output.push(d.toString()));
  child.stderr?.on('data', (d: Buffer) => output.push(d.toString()));
  driver = createSlackDriver({
    url: `http://127.0.0.1:${port}/slack/events`,
    signingSecret: CHILD_SIGNING_SECRET,
    responseUrl: (id, source) => fakes.slack.responseUrl(id, source),
  });
  await waitFor(() => output.join('').includes('authgear-slack is running'), {
    timeoutMs: 20_000,
    message: 'the bot to start',
  });
}, 30_000);

afterAll(async () => {
  child.kill('SIGTERM');
  await exitOf(child);
  await fakes.close();
});

const stillServing = async (): Promise<void> => {
  const help = await driver.slashCommand({ userId: PEOPLE.admin, text: 'help' });
  expect(help.status).toBe(200);
  expect(JSON.stringify(help.json)).toContain('Authgear commands you can use');
  expect(child.exitCode).toBeNull();
};

describe('hostile signed request bodies', () => {
  it.each([
    ['payload=null', form('null'), FORM],
    ['payload=[]', form('[]'), FORM],
    ['a payload that is not JSON', form('{"type":'), FORM],
    ['a payload that is a number', form('1'), FORM],
    [
      'block_actions with actions: null',
      form(JSON.stringify({ type: 'block_actions', user, actions: null })),
      FORM,
    ],
    [
      'block_actions without a user',
      form(JSON.stringify({ type: 'block_actions', actions: [{ action_id: 'confirm_action' }] })),
      FORM,
    ],
    ['view_submission without a view', form(JSON.stringify({ type: 'view_submission', user })), FORM],
    ['two payloads', `${form('{"type":"shortcut"}')}&${form('{"type":"shortcut"}')}`, FORM],
    ['a form that is not a slash command', 'user_id=U0ADMIN', FORM],
    ['a JSON body null', 'null', 'application/json'],
    [
      'an event_callback without an event',
      JSON.stringify({ type: 'event_callback', event: null }),
      'application/json',
    ],
  ])('refuses %s with 400 and keeps serving', async (_what, body, contentType) => {
    const sent = await driver.send(body, contentType);
    expect(sent.status).toBe(400);
    await stillServing();
  });

  it('logs each refusal as a warning without the body', async () => {
    await driver.send(form('{"type":"block_actions","user":null,"actions":"xoxb-secret-looking"}'), FORM);
    const line = await waitFor(() =>
      output
        .join('')
        .split('\n')
        .filter((l) => l.includes('refused a malformed Slack request'))
        .at(-1),
    );
    expect(JSON.parse(line)).toMatchObject({ level: 40, reason: 'block_actions payload is missing fields' });
    expect(output.join('')).not.toContain('xoxb-secret-looking');
    await stillServing();
  });
});
