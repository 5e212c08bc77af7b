/**
 * `npm run check`: what a deploy needs, checked before it starts (an init step). One result per check, in order:
 * configuration, policy, Slack auth.test, each policy channel (exists, the bot is a member: conversations.info),
 * an Admin API query with the key, Redis PING. Later checks that need an earlier one's result are skipped.
 */
import type { webApi } from '@slack/bolt';
import type { AdminApi } from '../authgear/client.js';
import { healthProbe } from '../authgear/operations/probe.js';
import type { Config } from '../config/env.js';
import type { Policy } from '../config/policy.js';
import { asAppError, isAppError } from '../errors.js';
import { maskedMessage } from '../logger.js';
import { describeTarget, type RedisClient, waitUntilReady } from '../redis/client.js';

export interface CheckResult {
  readonly name: string;
  readonly ok: boolean;
  readonly detail: string;
}

export interface DeployCheckDeps {
  /** Loads and validates the configuration (throws AppError config.invalid listing every problem). */
  readonly config: () => Config;
  readonly policy: (config: Config) => Promise<Policy>;
  readonly slack: (config: Config) => webApi.WebClient;
  readonly api: (config: Config) => AdminApi;
  /** A client for the configured Redis, or undefined when none is configured. */
  readonly redis: (config: Config) => RedisClient | undefined;
  /** Per network check (default 5000 ms). */
  readonly timeoutMs?: number;
}

const within = async <T>(ms: number, work: Promise<T>): Promise<T> => {
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    return await Promise.race([
      work,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
};

/** A kind, secret-free reason: an AppError's own message, Slack's error code, or a masked message. */
const reason = (error: unknown): string => {
  if (isAppError(error)) return error.userMessage;
  const code = (error as { data?: { error?: unknown } }).data?.error;
  if (typeof code === 'string') return code;
  return maskedMessage(error) ?? String(error);
};

/**
 * Why the Admin API probe failed, saying where: a server that answered (an HTTP status, an HTML page) is told
 * apart from one that never did, so the reader looks at the URL rather than the network.
 */
const adminApiProblem = (error: unknown, endpoint: string, timeoutMs: number): string => {
  const url = `${endpoint}/_api/admin/graphql`;
  if (isAppError(error) && error.code === 'authgear.unavailable') {
    const { status, answered } = error.details;
    if (typeof status === 'number') return `HTTP ${status} from ${url} (AUTHGEAR_ENDPOINT)`;
    if (answered !== undefined)
      return `not the Admin API (answered ${answered === 'html' ? 'HTML' : 'something other than GraphQL'}) at ${url} (AUTHGEAR_ENDPOINT)`;
    return `cannot reach Authgear at ${endpoint} (AUTHGEAR_ENDPOINT): no connection`;
  }
  if (isAppError(error) && error.code === 'authgear.timeout')
    return `cannot reach Authgear at ${endpoint} (AUTHGEAR_ENDPOINT): no answer within ${timeoutMs} ms`;
  return `${reason(error)} (AUTHGEAR_ENDPOINT ${endpoint})`;
};

const slackError = (error: unknown): string | undefined => {
  const code = (error as { data?: { error?: unknown } }).data?.error;
  return typeof code === 'string' ? code : undefined;
};

const channelRoles = (policy: Policy): Array<[string, string]> => [
  ...(policy.channels.approvals ? [[policy.channels.approvals, 'approvals'] as [string, string]] : []),
  ...(policy.channels.audit ? [[policy.channels.audit, 'audit'] as [string, string]] : []),
  ...(policy.channels.commands ?? []).map((id): [string, string] => [id, 'commands']),
  // Alerts posted to a channel of their own (not the audit channel, checked above): the bot must be there too.
  ...[...new Set(policy.alerts.map((a) => a.channel))]
    .filter((id) => id !== policy.channels.audit)
    .map((id): [string, string] => [id, 'alerts']),
];

export const runDeployChecks = async (deps: DeployCheckDeps): Promise<CheckResult[]> => {
  const timeoutMs = deps.timeoutMs ?? 5000;
  const results: CheckResult[] = [];
  const pass = (name: string, detail: string) => results.push({ name, ok: true, detail });
  const fail = (name: string, detail: string) => results.push({ name, ok: false, detail });

  let config: Config;
  try {
    config = deps.config();
    pass(
      'configuration',
      `${config.slack.appToken ? 'Socket Mode' : 'HTTP mode'}, Authgear ${config.authgear.endpoint}`,
    );
  } catch (error) {
    fail('configuration', asAppError(error).userMessage);
    return results;
  }

  let policy: Policy | undefined;
  try {
    policy = await deps.policy(config);
    pass(
      'policy',
      `${config.policyFile}: ${policy.roleActions.size} roles, ${policy.userRoles.size + policy.usergroupRoles.size} members`,
    );
  } catch (error) {
    fail('policy', asAppError(error).userMessage);
  }

  const slack = deps.slack(config);
  let botUserId: string | undefined;
  let botName = 'the bot';
  try {
    const auth = await within(timeoutMs, slack.auth.test());
    botUserId = auth.user_id;
    botName = auth.user ?? botName;
    pass('slack auth.test', `bot ${auth.user ?? '?'} (${auth.user_id ?? '?'}) in ${auth.team ?? '?'}`);
  } catch (error) {
    // Slack's own error code means it answered and refused; anything else means it never answered.
    fail(
      'slack auth.test',
      slackError(error) !== undefined
        ? `Slack refused the bot token: ${slackError(error)} (check SLACK_BOT_TOKEN is this app's xoxb- token)`
        : `cannot reach Slack at ${config.slack.apiUrl ?? 'https://slack.com/api/'}: ${reason(error)}`,
    );
  }

  if (policy && botUserId) {
    for (const [id, role] of channelRoles(policy)) {
      const name = `channel ${id} (${role})`;
      try {
        const info = await within(timeoutMs, slack.conversations.info({ channel: id }));
        const channel = info.channel;
        if (channel?.is_archived) fail(name, `#${channel.name ?? id} is archived`);
        else if (!channel?.is_member)
          fail(
            name,
            `the bot is not a member of #${channel?.name ?? id}: invite it with /invite @${botName}`,
          );
        else pass(name, `#${channel.name ?? id}, the bot is a member`);
      } catch (error) {
        const code = slackError(error);
        fail(
          name,
          code === 'channel_not_found'
            ? 'not found: the ID is wrong, or it is a private channel the bot is not in (invite it)'
            : code === 'missing_scope'
              ? 'the app lacks channels:read / groups:read (reinstall it from manifest.yml)'
              : reason(error),
        );
      }
    }
  }

  try {
    await within(timeoutMs, deps.api(config).run(healthProbe, {}));
    pass('authgear admin api', `${config.authgear.endpoint} accepted the key ${config.authgear.keyId}`);
  } catch (error) {
    // The bot's words for people in Slack ("try again in a moment") do not fit a deploy check: say where.
    fail('authgear admin api', adminApiProblem(error, config.authgear.endpoint, timeoutMs));
  }

  const redis = deps.redis(config);
  if (!redis)
    pass(
      'redis',
      'not configured: approvals, the audit outbox and grants stay in memory (one instance only)',
    );
  else {
    try {
      // The first connection error is the answer: an init step should not wait out the retries.
      await Promise.race([
        waitUntilReady(redis, timeoutMs),
        new Promise<never>((_, reject) => redis.once('error', reject)),
      ]);
      const pong = await within(timeoutMs, redis.ping());
      if (pong === 'PONG') pass('redis', `PING answered (${config.redis.target.kind})`);
      else fail('redis', `PING answered ${pong}`);
    } catch (error) {
      fail('redis', `${describeTarget(config.redis.target)}: ${reason(error)}`);
    } finally {
      redis.disconnect();
    }
  }
  return results;
};

/** A detail's further lines (every problem of an invalid configuration) sit indented under their check. */
const indentDetail = (detail: string): string => detail.replace(/\n/g, '\n    ');

export const formatResults = (results: readonly CheckResult[]): string =>
  `${results.map((r) => `${r.ok ? '✔' : '✖'} ${r.name}: ${indentDetail(r.detail)}`).join('\n')}\n${
    results.every((r) => r.ok)
      ? `all ${results.length} checks passed`
      : `${results.filter((r) => !r.ok).length} of ${results.length} checks failed`
  }\n`;
