/**
 * A real 3-master Redis Cluster for one test file: three `redis-server --cluster-enabled yes` on free loopback
 * ports (each port + 10000 free too, for the cluster bus), joined by `redis-cli --cluster create`. Needs
 * redis-server and redis-cli on PATH (`hasRedisCli()` says whether the cluster tests can run).
 */
import { type ChildProcess, execFile, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { Cluster } from 'ioredis';
import type { HostPort } from '../../src/config/redis-env.js';
import { waitFor } from './wait.js';

const run = promisify(execFile);

export const hasRedisCli = (): boolean =>
  spawnSync('redis-cli', ['--version'], { stdio: 'ignore' }).status === 0 &&
  spawnSync('redis-server', ['--version'], { stdio: 'ignore' }).status === 0;

const isFree = (port: number): Promise<boolean> =>
  new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });

/** A port p with p and p + 10000 free (the cluster bus listens on p + 10000). */
const clusterPort = async (taken: Set<number>): Promise<number> => {
  for (let attempt = 0; attempt < 200; attempt++) {
    const port = 20_000 + Math.floor(Math.random() * 25_000);
    if (taken.has(port) || taken.has(port + 10_000)) continue;
    if ((await isFree(port)) && (await isFree(port + 10_000))) return port;
  }
  throw new Error('no free port pair for a Redis Cluster node');
};

export interface RedisClusterServer {
  readonly nodes: readonly HostPort[];
  /** `127.0.0.1:p1,127.0.0.1:p2,...` as REDIS_CLUSTER_NODES takes it. */
  readonly nodesVariable: string;
  /** A client for the tests' own checks (the code under test makes its own). */
  client(): Cluster;
  stop(): Promise<void>;
}

/** `password`: every node's `requirepass` (and `masterauth`), so clients must AUTH. */
export const startRedisCluster = async ({
  password,
}: {
  password?: string;
} = {}): Promise<RedisClusterServer> => {
  const dir = mkdtempSync(path.join(tmpdir(), 'redis-cluster-'));
  const taken = new Set<number>();
  const ports: number[] = [];
  for (let i = 0; i < 3; i++) {
    const port = await clusterPort(taken);
    taken.add(port);
    taken.add(port + 10_000);
    ports.push(port);
  }
  const children: ChildProcess[] = ports.map((port) =>
    spawn(
      'redis-server',
      [
        '--port',
        String(port),
        '--bind',
        '127.0.0.1',
        '--cluster-enabled',
        'yes',
        '--cluster-config-file',
        path.join(dir, `nodes-${port}.conf`),
        '--cluster-node-timeout',
        '2000',
        '--dir',
        dir,
        '--dbfilename',
        `dump-${port}.rdb`,
        '--save',
        '',
        '--appendonly',
        'no',
        ...(password === undefined ? [] : ['--requirepass', password, '--masterauth', password]),
      ],
      { stdio: 'ignore' },
    ),
  );
  const killAll = (): void => {
    for (const c of children) c.kill('SIGKILL');
  };
  process.once('exit', killAll);
  const auth = password === undefined ? [] : ['-a', password, '--no-auth-warning'];
  const cli = (port: number, ...args: string[]) => run('redis-cli', ['-p', String(port), ...auth, ...args]);
  try {
    for (const port of ports) {
      await waitFor(
        async () => (await cli(port, 'ping').catch(() => ({ stdout: '' }))).stdout.trim() === 'PONG',
        {
          timeoutMs: 10_000,
          message: `redis-server --cluster-enabled on ${port}`,
        },
      );
    }
    await run('redis-cli', [
      ...auth,
      '--cluster',
      'create',
      ...ports.map((p) => `127.0.0.1:${p}`),
      '--cluster-replicas',
      '0',
      '--cluster-yes',
    ]);
    for (const port of ports) {
      await waitFor(async () => (await cli(port, 'cluster', 'info')).stdout.includes('cluster_state:ok'), {
        timeoutMs: 15_000,
        intervalMs: 50,
        message: `cluster_state:ok on ${port}`,
      });
    }
  } catch (error) {
    killAll();
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  const nodes = ports.map((port) => ({ host: '127.0.0.1', port }));
  return {
    nodes,
    nodesVariable: nodes.map((n) => `${n.host}:${n.port}`).join(','),
    client: () =>
      new Cluster(
        nodes.map((n) => ({ ...n })),
        password === undefined ? {} : { redisOptions: { password } },
      ),
    async stop() {
      await Promise.all(
        children.map(
          (c) =>
            new Promise<void>((resolve) => {
              if (c.exitCode !== null || c.signalCode !== null) return resolve();
              c.once('exit', () => resolve());
              c.kill('SIGTERM');
            }),
        ),
      );
      process.off('exit', killAll);
      rmSync(dir, { recursive: true, force: true });
    },
  };
};
