/**
 * The Redis part of the environment: one plain server (`REDIS_URL`), Redis Sentinel (`REDIS_SENTINELS` +
 * `REDIS_SENTINEL_NAME`) or Redis Cluster (`REDIS_CLUSTER_NODES`); at most one of the three. Credentials and TLS
 * (`REDIS_USERNAME`, `REDIS_PASSWORD`, `REDIS_SENTINEL_PASSWORD`, `REDIS_TLS`) apply to whichever is chosen.
 */
import { z } from 'zod';

export interface HostPort {
  readonly host: string;
  readonly port: number;
}

/** Credentials and TLS for the Redis servers (every node of a cluster, the master and replicas behind sentinels). */
export interface RedisAuth {
  /** An ACL user (Redis 6+); with only a password, Redis's `default` user. */
  readonly username?: string;
  readonly password?: string;
  /** Sentinel only: the sentinels' own password (their `requirepass`), when they have one. */
  readonly sentinelPassword?: string;
  /** Connect over TLS (to the sentinels too); the server's certificate is checked against Node's CAs. */
  readonly tls?: boolean;
}

/** How the bot reaches Redis; `none` keeps approvals and the audit outbox in memory (one instance only). */
export type RedisTarget =
  | { readonly kind: 'none' }
  | { readonly kind: 'url'; readonly url: string; readonly auth?: RedisAuth }
  | {
      readonly kind: 'sentinel';
      readonly sentinels: readonly HostPort[];
      readonly name: string;
      readonly auth?: RedisAuth;
    }
  | { readonly kind: 'cluster'; readonly nodes: readonly HostPort[]; readonly auth?: RedisAuth };

const HOST_PORT = /^(\[[0-9a-fA-F:]+\]|[A-Za-z0-9.-]+):(\d{1,5})$/;

const parseHostPort = (text: string): HostPort | undefined => {
  const match = HOST_PORT.exec(text.trim());
  const port = Number(match?.[2]);
  if (!match?.[1] || !Number.isInteger(port) || port < 1 || port > 65535) return undefined;
  return { host: match[1].replace(/^\[|\]$/g, ''), port };
};

/** `host:port,host:port` → the list, or a zod issue naming the variable and the bad entry. */
export const hostPortList = (name: string) =>
  z
    .string()
    .trim()
    .transform((text, ctx): HostPort[] => {
      const entries = text.split(',').map((e) => e.trim());
      const parsed = entries.map(parseHostPort);
      const bad = entries.filter((_, i) => parsed[i] === undefined);
      if (entries.length === 0 || bad.length > 0) {
        ctx.addIssue({
          code: 'custom',
          message: `${name} must be host:port entries separated by commas (bad: ${bad.map((b) => JSON.stringify(b)).join(', ') || 'empty'})`,
        });
        return z.NEVER;
      }
      return parsed.filter((p): p is HostPort => p !== undefined);
    });

/** `REDIS_TLS`: true/false (also 1/0, yes/no). */
export const redisTlsFlag = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.enum(['true', 'false', '1', '0', 'yes', 'no'], { error: 'REDIS_TLS must be true or false' }))
  .transform((v) => v === 'true' || v === '1' || v === 'yes')
  .optional();

const isSet = (v: string | undefined): boolean => v !== undefined && v.trim() !== '';

const AUTH_VARIABLES = ['REDIS_USERNAME', 'REDIS_PASSWORD', 'REDIS_SENTINEL_PASSWORD', 'REDIS_TLS'] as const;

/** Rules across the Redis variables, in the same `✖ … → at NAME` shape as zod's pretty errors. */
export const redisProblems = (env: Record<string, string | undefined>): string[] => {
  const chosen = ['REDIS_URL', 'REDIS_SENTINELS', 'REDIS_CLUSTER_NODES'].filter((n) => isSet(env[n]));
  const orphan = AUTH_VARIABLES.find((n) => isSet(env[n]));
  return [
    ...(chosen.length === 0 && orphan
      ? [
          `✖ ${orphan} is set but no Redis is: set REDIS_URL, REDIS_SENTINELS or REDIS_CLUSTER_NODES\n  → at ${orphan}`,
        ]
      : []),
    ...(isSet(env.REDIS_SENTINEL_PASSWORD) && !isSet(env.REDIS_SENTINELS) && chosen.length > 0
      ? [
          "✖ REDIS_SENTINEL_PASSWORD is for REDIS_SENTINELS (the sentinels' own password)\n  → at REDIS_SENTINEL_PASSWORD",
        ]
      : []),
    ...(chosen.length > 1
      ? [`✖ set only one of ${chosen.join(', ')} (one Redis, Sentinel or Cluster)\n  → at ${chosen[1]}`]
      : []),
    ...(isSet(env.REDIS_SENTINELS) && !isSet(env.REDIS_SENTINEL_NAME)
      ? [
          '✖ REDIS_SENTINEL_NAME is required with REDIS_SENTINELS (the master name)\n  → at REDIS_SENTINEL_NAME',
        ]
      : []),
  ];
};

export const redisTarget = (e: {
  REDIS_URL?: string | undefined;
  REDIS_SENTINELS?: HostPort[] | undefined;
  REDIS_SENTINEL_NAME?: string | undefined;
  REDIS_CLUSTER_NODES?: HostPort[] | undefined;
  REDIS_USERNAME?: string | undefined;
  REDIS_PASSWORD?: string | undefined;
  REDIS_SENTINEL_PASSWORD?: string | undefined;
  REDIS_TLS?: boolean | undefined;
}): RedisTarget => {
  const auth: RedisAuth = {
    ...(e.REDIS_USERNAME ? { username: e.REDIS_USERNAME } : {}),
    ...(e.REDIS_PASSWORD ? { password: e.REDIS_PASSWORD } : {}),
    ...(e.REDIS_SENTINEL_PASSWORD ? { sentinelPassword: e.REDIS_SENTINEL_PASSWORD } : {}),
    ...(e.REDIS_TLS ? { tls: true } : {}),
  };
  const withAuth = Object.keys(auth).length > 0 ? { auth } : {};
  if (e.REDIS_SENTINELS && e.REDIS_SENTINEL_NAME)
    return { kind: 'sentinel', sentinels: e.REDIS_SENTINELS, name: e.REDIS_SENTINEL_NAME, ...withAuth };
  if (e.REDIS_CLUSTER_NODES) return { kind: 'cluster', nodes: e.REDIS_CLUSTER_NODES, ...withAuth };
  if (e.REDIS_URL) return { kind: 'url', url: e.REDIS_URL, ...withAuth };
  return { kind: 'none' };
};
