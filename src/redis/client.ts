/**
 * The Redis connection: one server (`REDIS_URL`), Redis Sentinel or Redis Cluster, all through ioredis's own
 * clients. Every store takes a `RedisClient`, so each command and script must touch one hash slot (keys with a
 * `{hash tag}` where a script or transaction spans keys).
 */
import { Cluster, Redis, type RedisOptions } from 'ioredis';
import type { RedisAuth, RedisTarget } from '../config/redis-env.js';

export type RedisClient = Redis | Cluster;

export interface RedisConnectOptions {
  /** Receives connection errors (ioredis emits them while reconnecting); default: ignored. */
  onError?: (error: Error) => void;
  /** Per-command limit so a call never hangs on a stalled server (default 1000 ms). */
  commandTimeoutMs?: number;
}

const retryStrategy = (times: number): number => Math.min(times * 100, 1000);

/** Fail fast instead of queueing while Redis is away; keep reconnecting in the background. */
const failFast = (options: RedisConnectOptions): RedisOptions => ({
  maxRetriesPerRequest: 1,
  enableOfflineQueue: false,
  autoResendUnfulfilledCommands: false,
  commandTimeout: options.commandTimeoutMs ?? 1000,
  connectTimeout: 2000,
  retryStrategy,
});

/** The servers' credentials and TLS as ioredis takes them (only what is set, so a URL's own credentials stay). */
const serverAuth = (auth: RedisAuth = {}): RedisOptions => ({
  ...(auth.username !== undefined ? { username: auth.username } : {}),
  ...(auth.password !== undefined ? { password: auth.password } : {}),
  ...(auth.tls ? { tls: {} } : {}),
});

/** An ioredis client for one server that fails fast instead of queueing while Redis is away. */
export const connectRedis = (url: string, options: RedisConnectOptions = {}, auth?: RedisAuth): Redis => {
  const redis = new Redis(url, { ...failFast(options), ...serverAuth(auth) });
  redis.on('error', options.onError ?? (() => undefined));
  return redis;
};

/** The client for the configured target, or undefined when there is none (in-memory mode). */
export const connectRedisTarget = (
  target: RedisTarget,
  options: RedisConnectOptions = {},
): RedisClient | undefined => {
  const onError = options.onError ?? (() => undefined);
  switch (target.kind) {
    case 'none':
      return undefined;
    case 'url':
      return connectRedis(target.url, options, target.auth);
    case 'sentinel': {
      const auth = target.auth ?? {};
      const redis = new Redis({
        ...failFast(options),
        ...serverAuth(auth),
        sentinels: target.sentinels.map(({ host, port }) => ({ host, port })),
        name: target.name,
        sentinelRetryStrategy: retryStrategy,
        ...(auth.sentinelPassword !== undefined ? { sentinelPassword: auth.sentinelPassword } : {}),
        ...(auth.tls ? { enableTLSForSentinelMode: true, sentinelTLS: {} } : {}),
      });
      redis.on('error', onError);
      return redis;
    }
    case 'cluster': {
      const { enableOfflineQueue: _queue, ...nodeOptions } = failFast(options);
      const cluster = new Cluster(
        target.nodes.map(({ host, port }) => ({ host, port })),
        {
          enableOfflineQueue: false,
          clusterRetryStrategy: retryStrategy,
          redisOptions: { ...nodeOptions, ...serverAuth(target.auth) },
        },
      );
      cluster.on('error', onError);
      return cluster;
    }
  }
};

/** Where the client points, for log lines (no credentials). */
export const describeTarget = (target: RedisTarget): string => {
  switch (target.kind) {
    case 'none':
      return 'memory';
    case 'url': {
      const u = URL.parse(target.url);
      return u ? `redis ${u.hostname}:${u.port || 6379}` : 'redis';
    }
    case 'sentinel':
      return `sentinel ${target.name} via ${target.sentinels.map((s) => `${s.host}:${s.port}`).join(',')}`;
    case 'cluster':
      return `cluster ${target.nodes.map((s) => `${s.host}:${s.port}`).join(',')}`;
  }
};

/** Resolves once the client is connected and ready, or rejects after `ms` (it fails fast, never queues). */
export const waitUntilReady = (redis: RedisClient, ms: number): Promise<void> => {
  if (redis.status === 'ready') return Promise.resolve();
  return new Promise<void>((resolve, reject) => {
    const onReady = (): void => {
      clearTimeout(timer);
      resolve();
    };
    const timer = setTimeout(() => {
      redis.off('ready', onReady);
      reject(new Error(`Redis not ready (${redis.status}) after ${ms} ms`));
    }, ms);
    redis.once('ready', onReady);
  });
};

/** Whether a fail-fast client can take commands now, and a wait for that (the client reconnects on its own). */
export interface ConnectionReadiness {
  isReady(): boolean;
  /** Resolves once the client is ready, or when `signal` aborts (no timeout: Redis may be away for long). */
  whenReady(signal: AbortSignal): Promise<void>;
}

export const connectionReadiness = (redis: RedisClient): ConnectionReadiness => ({
  isReady: () => redis.status === 'ready',
  whenReady: (signal) =>
    redis.status === 'ready' || signal.aborted
      ? Promise.resolve()
      : new Promise<void>((resolve) => {
          const done = (): void => {
            redis.off('ready', done);
            signal.removeEventListener('abort', done);
            resolve();
          };
          redis.on('ready', done);
          signal.addEventListener('abort', done, { once: true });
        }),
});
