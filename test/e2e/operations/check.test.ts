/** `npm run check` against the fakes: the CLI as an init step runs it (exit code, one line per check). */
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSlackFake } from '../../fakes/slack/index.js';
import { CHANNELS, DEFAULT_POLICY, type Fakes, startFakes } from '../../support/app.js';
import { type PrivateRedis, startPrivateRedis } from '../../support/redis.js';

const root = path.resolve(import.meta.dirname, '../../..');

let fakes: Fakes;
let redis: PrivateRedis;
let dir: string;
let env: Record<string, string>;

/** Runs `src/check.ts` as `npm run check` runs dist/check.js, in a directory without a .env file. */
const runCheck = (overrides: Record<string, string> = {}) =>
  new Promise<{ code: number | null; out: string }>((resolve) => {
    const child = spawn(path.join(root, 'node_modules/.bin/tsx'), [path.join(root, 'src/check.ts')], {
      cwd: dir,
      env: { PATH: process.env.PATH ?? '', ...env, ...overrides },
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
    });
    child.stderr.on('data', (d: Buffer) => {
      out += d.toString();
    });
    child.on('exit', (code) => resolve({ code, out }));
  });

beforeAll(async () => {
  fakes = await startFakes();
  redis = await startPrivateRedis();
  const bot = fakes.slack.identity.botUserId;
  fakes.slack.addChannel({ id: CHANNELS.approvals, name: 'approvals', members: [bot, 'U0ADMIN'] });
  fakes.slack.addChannel({ id: CHANNELS.audit, name: 'audit', members: [bot] });
  dir = mkdtempSync(path.join(tmpdir(), 'authgear-slack-check-'));
  writeFileSync(path.join(dir, 'policy.yaml'), DEFAULT_POLICY);
  const c = fakes.config;
  env = {
    SLACK_BOT_TOKEN: c.slack.botToken,
    SLACK_SIGNING_SECRET: c.slack.signingSecret ?? '',
    SLACK_API_URL: c.slack.apiUrl ?? '',
    AUTHGEAR_ENDPOINT: c.authgear.endpoint,
    AUTHGEAR_PROJECT_ID: c.authgear.projectId,
    AUTHGEAR_ADMIN_KEY_ID: c.authgear.keyId,
    AUTHGEAR_ADMIN_PRIVATE_KEY: c.authgear.privateKeyPem,
    REDIS_URL: redis.url,
  };
});
afterAll(async () => {
  await fakes.close();
  await redis.stop();
});

describe('npm run check', () => {
  it('passes against the fakes, one line per check, exit 0', async () => {
    const { code, out } = await runCheck();
    const lines = out.trim().split('\n');
    expect(lines.map((l) => l.split(':')[0])).toEqual([
      '✔ configuration',
      '✔ policy',
      '✔ slack auth.test',
      `✔ channel ${CHANNELS.approvals} (approvals)`,
      `✔ channel ${CHANNELS.audit} (audit)`,
      '✔ authgear admin api',
      '✔ redis',
      'all 7 checks passed',
    ]);
    expect(code).toBe(0);
    expect(fakes.slack.callsTo('conversations.info').map((c) => c.args.channel)).toEqual(
      expect.arrayContaining([CHANNELS.approvals, CHANNELS.audit]),
    );
    expect(fakes.authgear.requests.at(-1)?.operationName).toBe('HealthProbe');
  });

  it('names the missing channel membership when the bot is not in the audit channel, exit 1', async () => {
    fakes.slack.addChannel({ id: CHANNELS.audit, name: 'audit', members: ['U0ADMIN'] });
    try {
      const { code, out } = await runCheck();
      expect(code).toBe(1);
      expect(out).toContain(
        `✖ channel ${CHANNELS.audit} (audit): the bot is not a member of #audit: invite it with /invite @authgear`,
      );
      expect(out).toContain(`✔ channel ${CHANNELS.approvals} (approvals)`);
      expect(out).toContain('1 of 7 checks failed');
    } finally {
      fakes.slack.addChannel({
        id: CHANNELS.audit,
        name: 'audit',
        members: [fakes.slack.identity.botUserId],
      });
    }
  });

  it('fails each broken dependency on its own line: unknown channel, Authgear key, Redis down', async () => {
    fakes.slack.expectRefusal({
      method: 'conversations.info',
      error: 'channel_not_found',
      channel: 'C0MISSING',
    });
    const { code, out } = await runCheck({
      POLICY_FILE: writePolicy(DEFAULT_POLICY.replace(CHANNELS.approvals, 'C0MISSING')),
      AUTHGEAR_ADMIN_KEY_ID: 'not-the-key',
      REDIS_URL: 'redis://127.0.0.1:1',
    });
    expect(code).toBe(1);
    expect(out).toContain('✖ channel C0MISSING (approvals): not found');
    expect(out).toMatch(/✖ authgear admin api: Authgear refused the bot's Admin API key/);
    expect(out).toMatch(/✖ redis: /);
    expect(out).toContain('✔ slack auth.test');
    expect(out).toContain('3 of 7 checks failed');
  });

  it("checks an alert's own channel too, naming it as the alerts channel", async () => {
    fakes.slack.addChannel({ id: 'C0SECURITY', name: 'security', members: ['U0ADMIN'] });
    const { code, out } = await runCheck({
      POLICY_FILE: writePolicy(
        `${DEFAULT_POLICY}alerts:\n  - { name: Blocked, activity_types: [AUTHENTICATION_BLOCKED], channel: C0SECURITY }\n  - { name: Audit, activity_types: [USER_DISABLED] }\n`,
      ),
    });
    expect(code).toBe(1);
    expect(out).toContain('✖ channel C0SECURITY (alerts): the bot is not a member of #security');
    expect(out).toContain('1 of 8 checks failed');
  });

  it('says Slack refused the bot token and skips the channel checks that need it', async () => {
    // A workspace that accepts only its own token: Slack answers any other with invalid_auth.
    const strict = await startSlackFake({ token: 'xoxb-the-right-one' });
    try {
      strict.expectRefusal({ method: 'auth.test', error: 'invalid_auth' });
      const { code, out } = await runCheck({ SLACK_API_URL: strict.apiUrl });
      expect(code).toBe(1);
      expect(out).toContain(
        "✖ slack auth.test: Slack refused the bot token: invalid_auth (check SLACK_BOT_TOKEN is this app's xoxb- token)",
      );
      expect(out).not.toContain('channel C0');
    } finally {
      await strict.close();
    }
  });

  it('stops at the configuration when it is invalid, listing every problem', async () => {
    const { code, out } = await runCheck({ AUTHGEAR_ENDPOINT: 'not a url', SLACK_BOT_TOKEN: '' });
    expect(code).toBe(1);
    expect(out).toContain('✖ configuration: Invalid configuration');
    expect(out).toContain('AUTHGEAR_ENDPOINT');
    expect(out).toContain('SLACK_BOT_TOKEN');
    expect(out.trim().split('\n').at(-1)).toBe('1 of 1 checks failed');
  });

  it('lists a missing key file with the other problems, each indented under the configuration line', async () => {
    const { code, out } = await runCheck({
      AUTHGEAR_ADMIN_PRIVATE_KEY: '',
      AUTHGEAR_ADMIN_PRIVATE_KEY_FILE: './no-such-key.pem',
      SLACK_BOT_TOKEN: '',
    });
    expect(code).toBe(1);
    const lines = out.trim().split('\n');
    expect(lines[0]).toBe('✖ configuration: Invalid configuration (2 problems):');
    expect(out).toContain('SLACK_BOT_TOKEN is required');
    expect(out).toContain(
      `cannot read AUTHGEAR_ADMIN_PRIVATE_KEY_FILE (./no-such-key.pem, from ${dir}): no such file`,
    );
    // Only the check lines and the summary start at the margin; a problem is never mistaken for a check.
    expect(lines.slice(1, -1).every((line) => line.startsWith('    '))).toBe(true);
    expect(lines.at(-1)).toBe('1 of 1 checks failed');
  });

  it.each([
    [404, 'text/html', '<html>Not Found</html>', 'HTTP 404 from'],
    [501, 'text/plain', 'Not Implemented', 'HTTP 501 from'],
    [200, 'text/html', '<!doctype html><html>Welcome</html>', 'not the Admin API (answered HTML) at'],
  ])(
    'says what answered at the endpoint when it is not the Admin API: HTTP %i %s',
    async (status, type, body, said) => {
      // A web server that answered: "cannot reach … no connection" would send the reader to the network.
      const server = createServer((_req, res) => {
        res.writeHead(status, { 'content-type': type });
        res.end(body);
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      try {
        const { code, out } = await runCheck({ AUTHGEAR_ENDPOINT: endpoint });
        expect(code).toBe(1);
        expect(out).toContain(
          `✖ authgear admin api: ${said} ${endpoint}/_api/admin/graphql (AUTHGEAR_ENDPOINT)`,
        );
        expect(out).not.toContain('no connection');
      } finally {
        server.close();
      }
    },
  );

  it('says Slack and Authgear cannot be reached (not that Slack refused the token) when nothing answers', async () => {
    const { code, out } = await runCheck({
      SLACK_API_URL: 'http://127.0.0.1:9/api',
      AUTHGEAR_ENDPOINT: 'http://127.0.0.1:9',
    });
    expect(code).toBe(1);
    expect(out).toContain(
      '✖ authgear admin api: cannot reach Authgear at http://127.0.0.1:9 (AUTHGEAR_ENDPOINT): no connection',
    );
    expect(out).not.toContain('Try again in a moment');
    expect(out).toMatch(/✖ slack auth\.test: cannot reach Slack at http:\/\/127\.0\.0\.1:9\/api\//);
    expect(out).not.toContain('refused the bot token');
  });
});

const writePolicy = (text: string): string => {
  const file = path.join(dir, `policy-${Math.random().toString(36).slice(2)}.yaml`);
  writeFileSync(file, text);
  return file;
};
