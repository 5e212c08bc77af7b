/**
 * A private `redis-server` per test file: free loopback port, temporary directory, optional AOF persistence so
 * `restart()` keeps data. Without redis-server on PATH, falls back to `REDIS_URL` (shared; use `prefix`).
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { waitFor } from './wait.js';

export interface PrivateRedis {
  url: string;
  port: number;
  /** A key prefix unique to this server handle (needed when REDIS_URL is shared). */
  prefix: string;
  /** Kills the server (data on disk is kept, so `restart()` can bring it back). Idempotent. */
  kill(): Promise<void>;
  /** Starts the server again on the same port and directory (killing it first if it runs). */
  restart(): Promise<void>;
  /** Kills the server and removes its directory. Call in afterAll. */
  stop(): Promise<void>;
}

/** A key prefix no other test uses, e.g. `test-1a2b3c4d:`. */
export const uniquePrefix = (): string => `test-${randomBytes(4).toString('hex')}:`;

const hasRedisServer = (): boolean =>
  spawnSync('redis-server', ['--version'], { stdio: 'ignore' }).status === 0;

/** A free port on 127.0.0.1 (free when asked; another process may take it later). */
export const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });

/** Resolves true when something on `port` answers PING with PONG (after AUTH when it has a password). */
const answersPing = (port: number, password?: string): Promise<boolean> =>
  new Promise((resolve) => {
    const socket = new Socket();
    let data = '';
    const done = (ok: boolean): void => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(500, () => done(false));
    socket.once('error', () => done(false));
    socket.on('data', (chunk) => {
      data += chunk.toString();
      const replies = data.split('\r\n').filter((r) => r !== '');
      if (replies.length >= (password === undefined ? 1 : 2)) done(replies.at(-1) === '+PONG');
    });
    socket.connect(port, '127.0.0.1', () =>
      socket.write(password === undefined ? 'PING\r\n' : `AUTH ${password}\r\nPING\r\n`),
    );
  });

const exited = (child: ChildProcess): Promise<void> =>
  child.exitCode !== null || child.signalCode !== null
    ? Promise.resolve()
    : new Promise((resolve) => child.once('exit', () => resolve()));

export const startPrivateRedis = async ({
  persistence = false,
  password,
}: {
  persistence?: boolean;
  /** `requirepass`: clients must AUTH (the returned `url` carries no credentials). */
  password?: string;
} = {}): Promise<PrivateRedis> => {
  if (!hasRedisServer()) return sharedRedis();
  const dir = mkdtempSync(path.join(tmpdir(), 'approvals-redis-'));
  const port = await freePort();
  const args = ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', ''];
  args.push('--appendonly', persistence ? 'yes' : 'no', '--appendfsync', 'always', '--daemonize', 'no');
  if (password !== undefined) args.push('--requirepass', password);
  let child: ChildProcess | undefined;
  const killOnExit = (): void => {
    child?.kill('SIGKILL');
  };
  process.once('exit', killOnExit);

  const start = async (): Promise<void> => {
    const proc = spawn('redis-server', args, { stdio: 'ignore' });
    child = proc;
    await waitFor(async () => (proc.exitCode === null ? await answersPing(port, password) : 'exited'), {
      timeoutMs: 10_000,
      intervalMs: 20,
      message: `redis-server on port ${port}`,
    }).then((state) => {
      if (state === 'exited') throw new Error(`redis-server on port ${port} exited at start (port taken?)`);
    });
  };
  const kill = async (): Promise<void> => {
    const proc = child;
    child = undefined;
    if (!proc) return;
    proc.kill('SIGTERM'); // SIGTERM makes Redis flush the AOF before exiting
    await exited(proc);
  };

  await start();
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    prefix: uniquePrefix(),
    kill,
    async restart() {
      await kill();
      await start();
    },
    async stop() {
      await kill();
      process.off('exit', killOnExit);
      rmSync(dir, { recursive: true, force: true });
    },
  };
};

const sharedRedis = (): PrivateRedis => {
  const url = process.env.REDIS_URL;
  if (!url) throw new Error('Redis tests need redis-server on PATH or REDIS_URL');
  const unsupported = async (): Promise<void> => {
    throw new Error('Stopping or restarting Redis needs redis-server on PATH (REDIS_URL is shared)');
  };
  return {
    url,
    port: Number(new URL(url).port || 6379),
    prefix: uniquePrefix(),
    kill: unsupported,
    restart: unsupported,
    stop: async () => undefined,
  };
};
