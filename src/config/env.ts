import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { type AuthgearProject, isLoginIdKey, type LoginIdKey } from '../authgear/project.js';
import { AppError } from '../errors.js';
import { hostPortList, type RedisTarget, redisProblems, redisTarget, redisTlsFlag } from './redis-env.js';

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
  AUTHGEAR_ENDPOINT: url('AUTHGEAR_ENDPOINT'),
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
  REDIS_URL: optionalString,
  REDIS_PREFIX: z.string().trim().min(1).default('authgear-slack:'),
  REDIS_SENTINELS: optionalHostPorts('REDIS_SENTINELS'),
  REDIS_SENTINEL_NAME: optionalString,
  REDIS_CLUSTER_NODES: optionalHostPorts('REDIS_CLUSTER_NODES'),
  REDIS_USERNAME: optionalString,
  REDIS_PASSWORD: optionalSecret,
  REDIS_SENTINEL_PASSWORD: optionalSecret,
  REDIS_TLS: redisTlsFlag,
  POLICY_FILE: z.string().trim().min(1).default('./policy.yaml'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

/** Every variable the bot reads (the README table and .env.example list each one). */
export const ENV_VARIABLES = Object.keys(envSchema.shape);

const isBlank = (v: string | undefined): boolean => v === undefined || v.trim() === '';

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

const readKey = (inline: string | undefined, file: string | undefined): string => {
  if (inline !== undefined) return inline.replace(/\\n/g, '\n');
  try {
    return readFileSync(file ?? '', 'utf8');
  } catch (cause) {
    throw new AppError(
      'config.invalid',
      `Invalid configuration:\n✖ cannot read AUTHGEAR_ADMIN_PRIVATE_KEY_FILE (${file})`,
      {
        cause,
      },
    );
  }
};

/** Parses the environment once; every problem is listed in one AppError('config.invalid'). */
export const loadConfig = (raw: Record<string, string | undefined>): Config => {
  // A blank variable (`HEALTH_PORT=` in a .env file) means "not set", never 0 or "".
  const env = Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== undefined && v.trim() !== ''));
  const parsed = envSchema.safeParse(env);
  const problems = [...(parsed.success ? [] : [z.prettifyError(parsed.error)]), ...crossFieldProblems(env)];
  if (!parsed.success || problems.length > 0) {
    throw new AppError('config.invalid', `Invalid configuration:\n${problems.join('\n')}`);
  }
  const e = parsed.data;
  const privateKeyPem = readKey(e.AUTHGEAR_ADMIN_PRIVATE_KEY, e.AUTHGEAR_ADMIN_PRIVATE_KEY_FILE);
  if (!privateKeyPem.includes('PRIVATE KEY')) {
    throw new AppError(
      'config.invalid',
      'Invalid configuration:\n✖ the Admin API private key is not a PEM private key',
    );
  }
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
