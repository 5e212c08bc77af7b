/**
 * Redis Sentinel for one test file: a private master (startPrivateRedis) watched by one
 * `redis-server <conf> --sentinel` on a free port, monitoring it as `mymaster`.
 */
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { freePort, type PrivateRedis, startPrivateRedis } from './redis.js';
import { waitFor } from './wait.js';

const run = promisify(execFile);

export interface RedisSentinelServer {
  readonly master: PrivateRedis;
  readonly sentinelPort: number;
  readonly masterName: string;
  stop(): Promise<void>;
}

/**
 * `masterPassword`: the master's `requirepass` (the sentinel is told it with `auth-pass`); `sentinelPassword`: the
 * sentinel's own `requirepass`.
 */
export const startRedisSentinel = async ({
  masterPassword,
  sentinelPassword,
}: {
  masterPassword?: string;
  sentinelPassword?: string;
} = {}): Promise<RedisSentinelServer> => {
  const master = await startPrivateRedis(masterPassword === undefined ? {} : { password: masterPassword });
  const dir = mkdtempSync(path.join(tmpdir(), 'redis-sentinel-'));
  const sentinelPort = await freePort();
  const masterName = 'mymaster';
  const conf = path.join(dir, 'sentinel.conf');
  writeFileSync(
    conf,
    [
      `port ${sentinelPort}`,
      'bind 127.0.0.1',
      `dir ${dir}`,
      `sentinel monitor ${masterName} 127.0.0.1 ${master.port} 1`,
      `sentinel down-after-milliseconds ${masterName} 2000`,
      ...(masterPassword === undefined ? [] : [`sentinel auth-pass ${masterName} ${masterPassword}`]),
      ...(sentinelPassword === undefined ? [] : [`requirepass ${sentinelPassword}`]),
    ].join('\n'),
  );
  const child: ChildProcess = spawn('redis-server', [conf, '--sentinel'], { stdio: 'ignore' });
  const kill = (): void => {
    child.kill('SIGKILL');
  };
  process.once('exit', kill);
  await waitFor(
    async () => {
      const { stdout } = await run('redis-cli', [
        '-p',
        String(sentinelPort),
        ...(sentinelPassword === undefined ? [] : ['-a', sentinelPassword, '--no-auth-warning']),
        'sentinel',
        'get-master-addr-by-name',
        masterName,
      ]).catch(() => ({ stdout: '' }));
      return stdout.includes(String(master.port));
    },
    { timeoutMs: 10_000, intervalMs: 50, message: `sentinel on ${sentinelPort}` },
  );
  return {
    master,
    sentinelPort,
    masterName,
    async stop() {
      await new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      });
      process.off('exit', kill);
      rmSync(dir, { recursive: true, force: true });
      await master.stop();
    },
  };
};
