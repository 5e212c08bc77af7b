/**
 * The built bot as its own process (`node dist/main.js`), configured by a `.env` file in a fresh working
 * directory against the fakes: what the production smoke test and the start-up benchmark run.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { AuthgearFake } from '../fakes/authgear/index.js';
import type { SlackFake } from '../fakes/slack/index.js';
import { DEFAULT_POLICY } from './app.js';
import type { AdminKey } from './keys.js';

export const CHILD_SIGNING_SECRET = 'child-signing-secret';
export const CHILD_PROJECT_ID = 'child-project';

/** A working directory with policy.yaml, the Admin API key and a .env pointing at the fakes; returns its path. */
export const writeAppDir = (options: {
  slack: SlackFake;
  authgear: AuthgearFake;
  key: AdminKey;
  port: number;
  redis?: { url: string; prefix: string };
  extraEnv?: Record<string, string>;
  /** Policy YAML (default DEFAULT_POLICY). */
  policy?: string;
}): string => {
  const cwd = mkdtempSync(path.join(tmpdir(), 'authgear-slack-app-'));
  writeFileSync(path.join(cwd, 'policy.yaml'), options.policy ?? DEFAULT_POLICY);
  writeFileSync(path.join(cwd, 'admin-key.pem'), options.key.privateKeyPem);
  const env = {
    SLACK_BOT_TOKEN: 'xoxb-child',
    SLACK_SIGNING_SECRET: CHILD_SIGNING_SECRET,
    SLACK_API_URL: options.slack.apiUrl,
    PORT: String(options.port),
    AUTHGEAR_ENDPOINT: options.authgear.url,
    AUTHGEAR_PROJECT_ID: CHILD_PROJECT_ID,
    AUTHGEAR_ADMIN_KEY_ID: options.key.keyId,
    AUTHGEAR_ADMIN_PRIVATE_KEY_FILE: './admin-key.pem',
    ...(options.redis ? { REDIS_URL: options.redis.url, REDIS_PREFIX: options.redis.prefix } : {}),
    HEALTH_PORT: '',
    LOG_LEVEL: 'info',
    ...options.extraEnv,
  };
  writeFileSync(
    path.join(cwd, '.env'),
    `${Object.entries(env)
      .map(([k, v]) => `${k}=${v}`)
      .join('\n')}\n`,
  );
  return cwd;
};

/** Runs `node <script>` in `cwd` with only PATH and HOME from this environment (the rest comes from .env). */
export const spawnNode = (
  script: string,
  cwd: string,
  args: string[] = [],
  nodeArgs: string[] = [],
): ChildProcess =>
  spawn(process.execPath, [...nodeArgs, script, ...args], {
    cwd,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * Runs src/main.ts as its own process through tsx's loader (`node --import tsx src/main.ts`): the same code
 * `node dist/main.js` runs, signals included, without a build first.
 */
export const spawnMainFromSource = (cwd: string): ChildProcess =>
  spawnNode(
    path.join(root, 'src/main.ts'),
    cwd,
    [],
    ['--import', pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href],
  );

export const exitOf = (child: ChildProcess): Promise<number | null> =>
  child.exitCode !== null
    ? Promise.resolve(child.exitCode)
    : new Promise((resolve) => child.once('exit', (code) => resolve(code)));
