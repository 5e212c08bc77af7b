/**
 * The Redis part of the environment: one plain server (`REDIS_URL`), Redis Sentinel (`REDIS_SENTINELS` +
 * `REDIS_SENTINEL_NAME`) or Redis Cluster (`REDIS_CLUSTER_NODES`); at most one of the three. Credentials and TLS
 * (`REDIS_USERNAME`, `REDIS_PASSWORD`, `REDIS_SENTINEL_PASSWORD`, `REDIS_TLS`) apply to whichever is chosen.
 */
import { isIP } from 'node:net';
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

/**
 * A host name (dot-separated labels of letters, digits, `-` and `_`, as Docker service names use; a trailing dot
 * allowed), an IPv4 address, or an IPv6 address in brackets.
 */
export const isRedisHost = (host: string): boolean => {
  if (host.startsWith('[') && host.endsWith(']')) return isIP(host.slice(1, -1)) === 6;
  if (/^[\d.]+$/.test(host)) return isIP(host) === 4;
  const name = host.endsWith('.') ? host.slice(0, -1) : host;
  if (name === '' || name.length > 253) return false;
  return name.split('.').every((label) => /^[A-Za-z0-9_](?:[A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?$/.test(label));
};

const HOST_PORT = /^(\[[^\]]*\]|[^:\s[\]]+):(\d{1,5})$/;

const parseHostPort = (text: string): HostPort | undefined => {
  const match = HOST_PORT.exec(text.trim());
  const port = Number(match?.[2]);
  if (!match?.[1] || !isRedisHost(match[1]) || !Number.isInteger(port) || port < 1 || port > 65535)
    return undefined;
  return { host: match[1].replace(/^\[|\]$/g, ''), port };
};

const URL_FORMS =
  'REDIS_URL must be redis://host[:port][/db], rediss://… (TLS) or the absolute path of a Unix socket (e.g. /run/redis/redis.sock)';

/**
 * What is wrong with a `REDIS_URL`, in words that name the variable (never repeating the URL, which may carry a
 * password); undefined when ioredis reads it as meant. ioredis also takes a bare `host:port`, but that is refused:
 * a typo such as `garbage` would otherwise only fail at the first connection.
 */
export const redisUrlProblem = (value: string): string | undefined => {
  // ioredis reads a value starting with one `/` as a Unix socket path (query parameters allowed).
  if (value.startsWith('/') && !value.startsWith('//')) return undefined;
  const scheme = /^rediss?:\/\//i.exec(value)?.[0];
  if (scheme === undefined) return URL_FORMS;
  const authority = value.slice(scheme.length).split(/[/?#]/)[0] ?? '';
  if (authority.slice(authority.lastIndexOf('@') + 1) === '')
    return 'REDIS_URL names no host: write it as redis://host:port, e.g. redis://localhost:6379';
  const parsed = URL.parse(value);
  if (parsed === null) return URL_FORMS;
  if (!isRedisHost(parsed.hostname))
    return `REDIS_URL's host ${JSON.stringify(parsed.hostname)} is not a host name or an IP address`;
  if (parsed.port === '0') return "REDIS_URL's port must be 1 to 65535";
  if (parsed.pathname !== '' && parsed.pathname !== '/' && !/^\/\d+$/.test(parsed.pathname))
    return "REDIS_URL's database (after the host) must be a number such as /0";
  return undefined;
};

/** `REDIS_URL`: blank = unset; otherwise checked at load, so a bad one is listed with every other problem. */
export const redisUrl = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v))
  .optional()
  .superRefine((value, ctx) => {
    const problem = value === undefined ? undefined : redisUrlProblem(value);
    if (problem !== undefined) ctx.addIssue({ code: 'custom', message: problem });
  });

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
          message: `${name} must be host:port entries separated by commas, each a host name or IP address (IPv6 in brackets) and a port from 1 to 65535 (bad: ${bad.map((b) => JSON.stringify(b)).join(', ') || 'empty'})`,
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
