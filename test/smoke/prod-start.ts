/**
 * The built service, as a deployment runs it: `node dist/main.js` from a copy installed with production
 * dependencies only (scripts/prod-smoke.sh makes it), configured by a `.env` file in its working directory,
 * against the Slack and Admin API fakes and a private Redis. It must answer a signed `/authgear help`, report
 * healthy and ready, and exit 0 on SIGTERM.
 *
 *   npx tsx test/smoke/prod-start.ts <app-dir>
 */
import path from 'node:path';
import { startAuthgearFake } from '../fakes/authgear/index.js';
import { startSlackFake } from '../fakes/slack/index.js';
import { CHANNELS } from '../support/app.js';
import {
  CHILD_PROJECT_ID,
  CHILD_SIGNING_SECRET,
  exitOf,
  spawnNode,
  writeAppDir,
} from '../support/child-app.js';
import { makeAdminKey } from '../support/keys.js';
import { freePort, startPrivateRedis } from '../support/redis.js';
import { createSlackDriver } from '../support/slack-driver.js';
import { waitFor } from '../support/wait.js';

const appDir = path.resolve(process.argv[2] ?? '.');
const results: string[] = [];
let failed = 0;

const check = async (name: string, work: () => Promise<void>): Promise<void> => {
  try {
    await work();
    results.push(`✔ ${name}`);
  } catch (error) {
    failed += 1;
    results.push(`✖ ${name}: ${error instanceof Error ? error.message : String(error)}`);
  }
};

const assert = (ok: boolean, message: string): void => {
  if (!ok) throw new Error(message);
};

const key = makeAdminKey();
const slack = await startSlackFake({
  users: [{ id: 'U0ADMIN', name: 'ada', email: 'ada@ops.example.com' }],
  channels: [
    { id: CHANNELS.approvals, name: 'approvals', members: ['U0AUTHBOT'] },
    { id: CHANNELS.audit, name: 'audit', members: ['U0AUTHBOT'] },
  ],
});
const authgear = await startAuthgearFake({
  projectId: CHILD_PROJECT_ID,
  keyId: key.keyId,
  publicKeyPem: key.publicKeyPem,
});
const redis = await startPrivateRedis();
const port = await freePort();
const cwd = writeAppDir({ slack, authgear, key, port, redis });
await check('npm run check (node dist/check.js) passes as an init step would run it', async () => {
  const run = spawnNode(path.join(appDir, 'dist/check.js'), cwd);
  let out = '';
  run.stdout?.on('data', (d: Buffer) => {
    out += d.toString();
  });
  const code = await exitOf(run);
  assert(code === 0 && out.includes('checks passed'), `exit ${code}: ${out}`);
});

const output: string[] = [];
const child = spawnNode(path.join(appDir, 'dist/main.js'), cwd);
child.stdout?.on('data', (d: Buffer) => output.push(d.toString()));
child.stderr?.on('data', (d: Buffer) => output.push(d.toString()));
const base = `http://127.0.0.1:${port}`;

try {
  await check('starts from dist/ with production dependencies and the .env file', async () => {
    await waitFor(() => output.join('').includes('authgear-slack is running') || child.exitCode !== null, {
      timeoutMs: 20_000,
      message: 'the start-up line',
    });
    assert(child.exitCode === null, `exited with ${child.exitCode}: ${output.join('')}`);
  });
  await check('answers a signed /authgear help', async () => {
    const driver = createSlackDriver({
      url: `${base}/slack/events`,
      signingSecret: CHILD_SIGNING_SECRET,
      responseUrl: (id) => slack.responseUrl(id),
    });
    const res = await driver.slashCommand({ userId: 'U0ADMIN', text: 'help' });
    assert(res.status === 200, `status ${res.status}`);
    assert(
      res.body.includes('help lookup') && res.body.includes('`user`'),
      `unexpected help: ${res.body.slice(0, 300)}`,
    );
  });
  await check('answers /healthz and /readyz', async () => {
    const health = await fetch(`${base}/healthz`);
    assert(health.status === 200, `/healthz ${health.status}`);
    const ready = await fetch(`${base}/readyz`);
    assert(ready.status === 200, `/readyz ${ready.status}: ${await ready.text()}`);
  });
  await check('exits 0 on SIGTERM', async () => {
    child.kill('SIGTERM');
    const code = await Promise.race([
      exitOf(child),
      new Promise<string>((r) => setTimeout(() => r('still running after 15 s'), 15_000).unref()),
    ]);
    assert(code === 0, `exit ${code}`);
    assert(output.join('').includes('"msg":"stopped"'), 'no "stopped" log line');
  });
} finally {
  if (child.exitCode === null) child.kill('SIGKILL');
  await Promise.all([slack.close(), authgear.close(), redis.stop()]);
}

process.stdout.write(`${results.join('\n')}\n`);
if (failed > 0) process.stdout.write(`--- output of node dist/main.js ---\n${output.join('')}\n`);
process.stdout.write(`prod smoke: ${results.length - failed} passed, ${failed} failed\n`);
process.exit(failed > 0 ? 1 : 0);
