/** `npm run demo`: the real bot against local Slack and Authgear fakes, with a Slack-like page. Ctrl-C stops it. */
import { isAppError } from '../src/errors.js';
import { isLoopback, loadDemoConfig } from './config.js';
import { startDemo } from './start.js';

const banner = (url: string, stores: string, loopback: boolean): string =>
  [
    '',
    '  authgear-slack demo — a SIMULATION with FAKE data',
    '  The real bot runs against a local Slack fake and a local Authgear Admin API fake, seeded with made-up',
    '  people and users. Nothing here reaches Slack or Authgear.',
    '',
    `  Open ${url} and pick who you are "Acting as".`,
    `  Approvals are kept in ${stores === 'redis' ? 'Redis (REDIS_URL)' : 'memory'}. Press Ctrl-C to stop.`,
    ...(loopback
      ? []
      : ['', '  WARNING: DEMO_HOST is not a loopback address; others on your network can use this page.']),
    '',
  ].join('\n');

const main = async (): Promise<void> => {
  const config = loadDemoConfig(process.env);
  const demo = await startDemo(config);
  process.stdout.write(`${banner(demo.url, demo.stores, isLoopback(config.host))}\n`);
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) process.exit(1);
    stopping = true;
    process.stdout.write(`\n  ${signal}: stopping the demo…\n`);
    await demo.stop();
    process.exit(0);
  };
  process.on('SIGINT', (s) => void stop(s));
  process.on('SIGTERM', (s) => void stop(s));
};

const portInUse = (e: unknown): boolean =>
  typeof e === 'object' && e !== null && 'code' in e && e.code === 'EADDRINUSE';

main().catch((e: unknown) => {
  const message = isAppError(e)
    ? e.userMessage
    : portInUse(e)
      ? 'The demo could not start: its port is in use. Pick another, e.g. `DEMO_PORT=3200 npm run demo`.'
      : `The demo could not start: ${e instanceof Error ? e.message : String(e)}`;
  process.stderr.write(`${message}\n`);
  process.exit(1);
});
