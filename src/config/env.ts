import { readFileSync } from 'node:fs';
import { isAbsolute } from 'node:path';
import { z } from 'zod';
import { type AuthgearProject, isLoginIdKey, type LoginIdKey } from '../authgear/project.js';
import { AppError } from '../errors.js';
import {
  hostPortList,
  type RedisTarget,
  redisProblems,
  redisTarget,
  redisTlsFlag,
  redisUrl,
} from './redis-env.js';

const optionalString = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v))
  .optional();

/** A secret taken exactly as given (no trimming: spaces may be part of it). */
const optionalSecret = z.string().optional();

const optionalHostPorts = (name: string) =>
  z
    .string()
    .trim()
    .optional()
    .transform((v) => (v === '' ? undefined : v))
    .pipe(hostPortList(name).optional());

const port = (name: string) =>
  z.coerce
    .number({ error: `${name} must be a port number` })
    .int()
    .min(0)
    .max(65535);

const required = (name: string, hint: string) => {
  const message = `${name} is required (${hint})`;
  return z.string({ error: message }).trim().min(1, message);
};

/** Hosts that never leave the machine: plain http to them is for local fakes (tests, the demo). */
const LOOPBACK_HOSTS: readonly string[] = ['127.0.0.1', '[::1]', 'localhost'];

/** https, or http to a loopback host: the bot sends its Admin API JWT and Slack token to these URLs. */
export const isSecureOrLoopback = (value: string): boolean => {
  const parsed = URL.parse(value);
  if (parsed === null) return false;
  if (parsed.protocol === 'https:') return true;
  return parsed.protocol === 'http:' && LOOPBACK_HOSTS.includes(parsed.hostname);
};

const url = (name: string) =>
  z
    .string({ error: `${name} is required (a URL such as https://example.com)` })
    .trim()
    .url(`${name} must be a URL such as https://example.com`)
    .refine(isSecureOrLoopback, {
      message: `${name} must use https:// (plain http:// only for 127.0.0.1, ::1 or localhost, e.g. a local fake), so the bot's credentials never cross a network in clear text`,
      abort: true,
    })
    .transform((v) => v.replace(/\/+$/, ''));

/** The Admin API path the client appends (src/authgear/client.ts), as a trailing part of AUTHGEAR_ENDPOINT. */
const ADMIN_API_PATH = /\/_api\/admin\/graphql$/;

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const envSchema = z.object({
  SLACK_BOT_TOKEN: required('SLACK_BOT_TOKEN', 'the bot token, xoxb-...'),
  SLACK_SIGNING_SECRET: optionalString,
  SLACK_APP_TOKEN: optionalString,
  SLACK_API_URL: url('SLACK_API_URL').optional(),
  PORT: port('PORT').default(3000),
  HEALTH_PORT: port('HEALTH_PORT').optional(),
  SHUTDOWN_GRACE_MS: z.coerce
    .number({ error: 'SHUTDOWN_GRACE_MS must be a number of milliseconds' })
    .int()
    .min(0)
    .default(25_000),
  // The project URL; the bot adds the path itself, so a pasted full Admin API URL is taken for its project URL.
  AUTHGEAR_ENDPOINT: url('AUTHGEAR_ENDPOINT').transform((v) => v.replace(ADMIN_API_PATH, '')),
  AUTHGEAR_PROJECT_ID: required('AUTHGEAR_PROJECT_ID', 'the project ID, used as the JWT aud claim'),
  AUTHGEAR_ADMIN_KEY_ID: required('AUTHGEAR_ADMIN_KEY_ID', 'the Admin API key ID from the Authgear Portal'),
  AUTHGEAR_ADMIN_PRIVATE_KEY: optionalString,
  AUTHGEAR_ADMIN_PRIVATE_KEY_FILE: optionalString,
  AUTHGEAR_LOGIN_ID_KEYS: z
    .string()
    .default('email')
    .transform((v) => [
      ...new Set(
        v
          .split(',')
          .map((k) => k.trim().toLowerCase())
          .filter(Boolean),
      ),
    ])
    .refine((keys) => keys.length > 0 && keys.every(isLoginIdKey), {
      message:
        'AUTHGEAR_LOGIN_ID_KEYS lists the login ID keys the Authgear project has turned on: email, phone and/or username, comma-separated',
    })
    .transform((keys): LoginIdKey[] => keys.filter(isLoginIdKey)),
  REDIS_URL: redisUrl,
  REDIS_PREFIX: z.string().trim().min(1, 'REDIS_PREFIX must not be empty').default('authgear-slack:'),
  REDIS_SENTINELS: optionalHostPorts('REDIS_SENTINELS'),
  REDIS_SENTINEL_NAME: optionalString,
  REDIS_CLUSTER_NODES: optionalHostPorts('REDIS_CLUSTER_NODES'),
  REDIS_USERNAME: optionalString,
  REDIS_PASSWORD: optionalSecret,
  REDIS_SENTINEL_PASSWORD: optionalSecret,
  REDIS_TLS: redisTlsFlag,
  POLICY_FILE: z.string().trim().min(1).default('./policy.yaml'),
  LOG_LEVEL: z
    .enum(LOG_LEVELS, { error: `LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}` })
    .default('info'),
});

/** Every variable the bot reads (the README table and .env.example list each one). */
export const ENV_VARIABLES = Object.keys(envSchema.shape);

const isBlank = (v: string | undefined): boolean => v === undefined || v.trim() === '';

/**
 * Slack's token prefixes (docs.slack.dev/authentication/tokens): the bot token is `xoxb-`, the app-level token
 * Socket Mode opens its connection with is `xapp-`. Swapped tokens are named as such; a token is never repeated.
 */
const slackTokenProblems = (env: Record<string, string | undefined>): string[] => {
  const bot = env.SLACK_BOT_TOKEN?.trim() ?? '';
  const app = env.SLACK_APP_TOKEN?.trim() ?? '';
  const swapped = bot.startsWith('xapp-') && app.startsWith('xoxb-') ? ' (the two look swapped)' : '';
  const problems: string[] = [];
  if (bot !== '' && !bot.startsWith('xoxb-'))
    problems.push(
      bot.startsWith('xapp-')
        ? `✖ SLACK_BOT_TOKEN holds an app-level token (xapp-…): it takes the Bot User OAuth Token (xoxb-…)${swapped}\n  → at SLACK_BOT_TOKEN`
        : '✖ SLACK_BOT_TOKEN must be a bot token starting xoxb- (the Bot User OAuth Token, under OAuth & Permissions)\n  → at SLACK_BOT_TOKEN',
    );
  if (app !== '' && !app.startsWith('xapp-'))
    problems.push(
      app.startsWith('xoxb-')
        ? `✖ SLACK_APP_TOKEN holds a bot token (xoxb-…): it takes the app-level token (xapp-…, with connections:write)${swapped}\n  → at SLACK_APP_TOKEN`
        : '✖ SLACK_APP_TOKEN must be an app-level token starting xapp- (Basic Information → App-Level Tokens, with connections:write)\n  → at SLACK_APP_TOKEN',
    );
  return problems;
};

/** Rules across variables, checked on the raw environment so they are listed with every other problem. */
const crossFieldProblems = (env: Record<string, string | undefined>): string[] => [
  ...(isBlank(env.SLACK_APP_TOKEN) && isBlank(env.SLACK_SIGNING_SECRET)
    ? [
        '✖ SLACK_SIGNING_SECRET is required in HTTP mode (or set SLACK_APP_TOKEN for Socket Mode)\n  → at SLACK_SIGNING_SECRET',
      ]
    : []),
  ...(isBlank(env.AUTHGEAR_ADMIN_PRIVATE_KEY) && isBlank(env.AUTHGEAR_ADMIN_PRIVATE_KEY_FILE)
    ? [
        '✖ set AUTHGEAR_ADMIN_PRIVATE_KEY (PEM) or AUTHGEAR_ADMIN_PRIVATE_KEY_FILE (path to the PEM)\n  → at AUTHGEAR_ADMIN_PRIVATE_KEY',
      ]
    : []),
  ...(!isBlank(env.AUTHGEAR_ADMIN_PRIVATE_KEY) && !isBlank(env.AUTHGEAR_ADMIN_PRIVATE_KEY_FILE)
    ? [
        '✖ both AUTHGEAR_ADMIN_PRIVATE_KEY and AUTHGEAR_ADMIN_PRIVATE_KEY_FILE are set: set only one (the PEM itself, or the path to it)\n  → at AUTHGEAR_ADMIN_PRIVATE_KEY_FILE',
      ]
    : []),
  ...slackTokenProblems(env),
  ...redisProblems(env),
];

export interface Config {
  readonly slack: {
    readonly botToken: string;
    readonly signingSecret: string | undefined;
    readonly appToken: string | undefined;
    /** Web API base URL with a trailing slash, as @slack/web-api expects; undefined = Slack's. */
    readonly apiUrl: string | undefined;
  };
  readonly port: number;
  /** Where `/healthz`, `/readyz` and `/metrics` listen in Socket Mode (HTTP mode serves them on `port`). */
  readonly healthPort: number;
  /** How long SIGTERM waits for running executions before exiting. */
  readonly shutdownGraceMs: number;
  readonly authgear: {
    readonly endpoint: string;
    readonly projectId: string;
    readonly keyId: string;
    readonly privateKeyPem: string;
    /** What the bot knows of the project's configuration (login ID keys). */
    readonly project: AuthgearProject;
  };
  readonly redis: {
    /** `REDIS_URL` when Redis is one server; see `target` for Sentinel and Cluster. */
    readonly url: string | undefined;
    readonly prefix: string;
    readonly target: RedisTarget;
  };
  readonly policyFile: string;
  readonly logLevel: string;
}

/** Why a key file cannot be read, in words (the error code alone is not kind). */
const unreadable = (cause: unknown): string => {
  const code = (cause as { code?: unknown }).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'that is a directory, not a file';
  return typeof code === 'string' ? code : 'unreadable';
};

/**
 * The Admin API private key, or the problem with it, in the same list as every other problem (a missing file is
 * not a crash that hides the rest). Only read when one of the two variables is set (else crossFieldProblems says so).
 */
const readKey = (env: Record<string, string | undefined>): { pem?: string; problem?: string } => {
  const inline = env.AUTHGEAR_ADMIN_PRIVATE_KEY?.trim();
  const file = env.AUTHGEAR_ADMIN_PRIVATE_KEY_FILE?.trim();
  if (inline) {
    const pem = inline.replace(/\\n/g, '\n');
    return pem.includes('PRIVATE KEY')
      ? { pem }
      : {
          problem:
            '✖ AUTHGEAR_ADMIN_PRIVATE_KEY is not a PEM private key (it starts with -----BEGIN PRIVATE KEY-----)\n  → at AUTHGEAR_ADMIN_PRIVATE_KEY',
        };
  }
  if (!file) return {};
  const where = isAbsolute(file) ? file : `${file}, from ${process.cwd()}`;
  try {
    const pem = readFileSync(file, 'utf8');
    return pem.includes('PRIVATE KEY')
      ? { pem }
      : {
          problem: `✖ AUTHGEAR_ADMIN_PRIVATE_KEY_FILE (${where}) does not hold a PEM private key (-----BEGIN PRIVATE KEY-----)\n  → at AUTHGEAR_ADMIN_PRIVATE_KEY_FILE`,
        };
  } catch (cause) {
    return {
      problem: `✖ cannot read AUTHGEAR_ADMIN_PRIVATE_KEY_FILE (${where}): ${unreadable(cause)}\n  → at AUTHGEAR_ADMIN_PRIVATE_KEY_FILE`,
    };
  }
};

/** One `✖ … → at NAME` entry per zod issue; the line itself names the variable. */
const schemaProblems = (error: z.ZodError): string[] =>
  error.issues.map((issue) => {
    const name = String(issue.path[0] ?? 'configuration');
    const line = issue.message.includes(name) ? issue.message : `${name}: ${issue.message}`;
    return `✖ ${line}\n  → at ${name}`;
  });

/** Parses the environment once; every problem is listed in one AppError('config.invalid'). */
export const loadConfig = (raw: Record<string, string | undefined>): Config => {
  // A blank variable (`HEALTH_PORT=` in a .env file) means "not set", never 0 or "".
  const env = Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== undefined && v.trim() !== ''));
  const parsed = envSchema.safeParse(env);
  const key = readKey(env);
  const problems = [
    ...(parsed.success ? [] : schemaProblems(parsed.error)),
    ...crossFieldProblems(env),
    ...(key.problem ? [key.problem] : []),
  ];
  if (!parsed.success || problems.length > 0 || key.pem === undefined) {
    const count = `${problems.length} problem${problems.length === 1 ? '' : 's'}`;
    throw new AppError('config.invalid', `Invalid configuration (${count}):\n${problems.join('\n')}`);
  }
  const e = parsed.data;
  const privateKeyPem = key.pem;
  return Object.freeze({
    slack: Object.freeze({
      botToken: e.SLACK_BOT_TOKEN,
      signingSecret: e.SLACK_SIGNING_SECRET,
      appToken: e.SLACK_APP_TOKEN,
      apiUrl: e.SLACK_API_URL === undefined ? undefined : `${e.SLACK_API_URL}/`,
    }),
    port: e.PORT,
    healthPort: e.HEALTH_PORT ?? e.PORT,
    shutdownGraceMs: e.SHUTDOWN_GRACE_MS,
    authgear: Object.freeze({
      endpoint: e.AUTHGEAR_ENDPOINT,
      projectId: e.AUTHGEAR_PROJECT_ID,
      keyId: e.AUTHGEAR_ADMIN_KEY_ID,
      privateKeyPem,
      project: Object.freeze({ loginIdKeys: Object.freeze([...e.AUTHGEAR_LOGIN_ID_KEYS]) }),
    }),
    redis: Object.freeze({ url: e.REDIS_URL, prefix: e.REDIS_PREFIX, target: redisTarget(e) }),
    policyFile: e.POLICY_FILE,
    logLevel: e.LOG_LEVEL,
  });
};
