/**
 * The Redis part of the environment: one plain server (`REDIS_URL`), Redis Sentinel (`REDIS_SENTINELS` +
 * `REDIS_SENTINEL_NAME`) or Redis Cluster (`REDIS_CLUSTER_NODES`); at most one of the three.
 */
import { z } from 'zod';

export interface HostPort {
  readonly host: string;
  readonly port: number;
}

/** How the bot reaches Redis; `none` keeps approvals and the audit outbox in memory (one instance only). */
export type RedisTarget =
  | { readonly kind: 'none' }
  | { readonly kind: 'url'; readonly url: string }
  | { readonly kind: 'sentinel'; readonly sentinels: readonly HostPort[]; readonly name: string }
  | { readonly kind: 'cluster'; readonly nodes: readonly HostPort[] };

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

const isSet = (v: string | undefined): boolean => v !== undefined && v.trim() !== '';

/** Rules across the Redis variables, in the same `✖ … → at NAME` shape as zod's pretty errors. */
export const redisProblems = (env: Record<string, string | undefined>): string[] => {
  const chosen = ['REDIS_URL', 'REDIS_SENTINELS', 'REDIS_CLUSTER_NODES'].filter((n) => isSet(env[n]));
  return [
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
}): RedisTarget => {
  if (e.REDIS_SENTINELS && e.REDIS_SENTINEL_NAME)
    return { kind: 'sentinel', sentinels: e.REDIS_SENTINELS, name: e.REDIS_SENTINEL_NAME };
  if (e.REDIS_CLUSTER_NODES) return { kind: 'cluster', nodes: e.REDIS_CLUSTER_NODES };
  if (e.REDIS_URL) return { kind: 'url', url: e.REDIS_URL };
  return { kind: 'none' };
};
