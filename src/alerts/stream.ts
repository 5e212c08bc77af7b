/**
 * Alerts: a second stream over Authgear's audit log (its own position and lock, `{audit-alerts}`), reading only the
 * activity types some alert rule names, and posting each matching entry as an alert with buttons for what to do.
 * One poller across replicas; an entry is alerted on once in order. A page that fails midway is read again, and the
 * alerts already posted from it are not posted twice by this replica (a crash between a post and the position being
 * saved may repeat one alert: at least once, never lost).
 */
import type { webApi } from '@slack/bolt';
import { type AuditStream, createLogStream } from '../audit/stream.js';
import { createStreamPoster, type StreamPoster } from '../audit/stream-post.js';
import type { AdminApi } from '../authgear/client.js';
import { type AlertLogEntry, listAuditLogAlerts } from '../authgear/operations/audit-logs.js';
import { alertMessage } from '../blocks/alert.js';
import type { AlertRule } from '../config/policy-alerts.js';
import type { AppLogger } from '../logger.js';
import type { RedisClient } from '../redis/client.js';
import { type CountryMemory, createMemoryCountryMemory, createRedisCountryMemory } from './countries.js';

export interface AlertStreamOptions {
  readonly api: AdminApi;
  readonly redis?: RedisClient | undefined;
  readonly prefix: string;
  readonly client: webApi.WebClient;
  readonly rules: readonly AlertRule[];
  readonly intervalMs: number;
  readonly logger: AppLogger;
  readonly now?: () => number;
  readonly sleep?: (ms: number) => Promise<void>;
  readonly minIntervalMs?: number;
  readonly lockTtlMs?: number;
}

/** Alerts posted by this replica, remembered for a while so a page read again posts nothing twice. */
const RECENT = 5000;

/** Whether `rule` fires for `entry` (and, for `new_country`, what to remember afterwards). */
const fires = async (rule: AlertRule, entry: AlertLogEntry, countries: CountryMemory): Promise<boolean> => {
  if (!rule.activityTypes.includes(entry.activityType)) return false;
  if (rule.when !== 'new_country') return true;
  if (!entry.user || !entry.country) return false;
  return (await countries.check(entry.user.id, entry.country)) === 'new';
};

export const createAlertStream = (options: AlertStreamOptions): AuditStream => {
  const { rules, logger } = options;
  const countries = options.redis
    ? createRedisCountryMemory(options.redis, options.prefix)
    : createMemoryCountryMemory();
  const watchesCountries = rules.some((r) => r.when === 'new_country');
  const posted = new Set<string>();
  const remember = (key: string): void => {
    posted.add(key);
    if (posted.size > RECENT) posted.delete(posted.values().next().value ?? key);
  };
  const activityTypes = [...new Set(rules.flatMap((r) => r.activityTypes))];

  return createLogStream(
    { ...options, activityTypes },
    {
      name: 'audit-alerts',
      fetchPage: (query) => options.api.run(listAuditLogAlerts, { ...query, sortDirection: 'ASC' }),
      makeDeliver(io) {
        const posters = new Map<string, StreamPoster>();
        const posterFor = (channel: string): StreamPoster => {
          const found = posters.get(channel);
          if (found) return found;
          const made = createStreamPoster({
            client: options.client,
            channel,
            logger,
            ...io,
            minIntervalMs: options.minIntervalMs ?? 1000,
          });
          posters.set(channel, made);
          return made;
        };
        return async (entries) => {
          for (const entry of entries) {
            for (const [i, rule] of rules.entries()) {
              const key = `${entry.id}:${i}`;
              if (posted.has(key) || !(await fires(rule, entry, countries))) continue;
              const message = alertMessage(rule, entry);
              if (!(await posterFor(rule.channel).send(message, message.text))) return false;
              remember(key);
              logger.info({ rule: rule.name, entry: entry.id }, 'alert posted');
            }
            if (
              watchesCountries &&
              entry.user &&
              entry.country &&
              entry.activityType === 'USER_AUTHENTICATED'
            )
              await countries.remember(entry.user.id, entry.country);
          }
          return true;
        };
      },
    },
  );
};
