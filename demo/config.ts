/** The demo's settings: the only place the demo reads the environment. */
import { z } from 'zod';
import { AppError } from '../src/errors.js';

const optionalString = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v))
  .optional();

const schema = z.object({
  DEMO_PORT: z.coerce
    .number({ error: 'DEMO_PORT must be a port number' })
    .int('DEMO_PORT must be a port number')
    .min(0, 'DEMO_PORT must be a port number')
    .max(65535, 'DEMO_PORT must be a port number')
    .default(3100),
  DEMO_HOST: z.string().trim().min(1).default('127.0.0.1'),
  REDIS_URL: optionalString,
  REDIS_PREFIX: z.string().trim().min(1).default('authgear-slack:'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('warn'),
});

export interface DemoConfig {
  /** Where the page is served (default 3100; 0 = any free port). */
  readonly port: number;
  /** Interface to listen on: 127.0.0.1 unless told otherwise. */
  readonly host: string;
  /** Approvals and the audit outbox in Redis (as in production) instead of memory. */
  readonly redisUrl: string | undefined;
  readonly redisPrefix: string;
  /** The bot's own log level (its JSON lines go to stderr). */
  readonly logLevel: string;
}

export const loadDemoConfig = (env: Record<string, string | undefined>): DemoConfig => {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    throw new AppError('config.invalid', `Invalid demo configuration:\n${z.prettifyError(parsed.error)}`);
  }
  const e = parsed.data;
  return Object.freeze({
    port: e.DEMO_PORT,
    host: e.DEMO_HOST,
    redisUrl: e.REDIS_URL,
    redisPrefix: e.REDIS_PREFIX,
    logLevel: e.LOG_LEVEL,
  });
};

/** True for addresses only this machine can reach. */
export const isLoopback = (host: string): boolean =>
  host === 'localhost' || host === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
