import { type Logger as BoltLogger, LogLevel } from '@slack/bolt';
import { type Logger as PinoLogger, pino } from 'pino';
import { errorKind } from './errors.js';

/** Field paths whose values never reach a log line: tokens, keys, JWTs and secrets handed to requesters. */
export const REDACT_PATHS = [
  'token',
  'botToken',
  'appToken',
  'signingSecret',
  'privateKeyPem',
  'authorization',
  'jwt',
  'password',
  'otp',
  'secret',
  'variables',
  '*.token',
  '*.password',
  '*.otp',
  '*.secret',
  '*.jwt',
  '*.authorization',
  '*.variables',
  'headers.authorization',
  'req.headers.authorization',
];

const SECRET_PATTERNS: RegExp[] = [
  /xox[abposr]-[A-Za-z0-9-]+/g,
  /xapp-[A-Za-z0-9-]+/g,
  /eyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+/g,
  /-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?-----END [A-Z ]*PRIVATE KEY-----/g,
];

/**
 * Debug lines of the Slack SDKs that print whole request, response or envelope bodies: those carry what people
 * typed and what the bot showed them (an OTP in a DM, a password in a modal), so only their prefix is kept.
 */
const SDK_PAYLOAD_LINE =
  /^(http request body: |http request result: |Received a message on the WebSocket: |Sending a WebSocket message: |ack\(\) call begins \(body: |ack\(\) response sent \(body: |Calling ack\(\) - )/;

const withoutSdkPayload = (text: string): string => {
  const prefix = SDK_PAYLOAD_LINE.exec(text)?.[1];
  return prefix === undefined ? text : `${prefix}[payload redacted]`;
};

/** Masks token-looking substrings in free text (Bolt's own log lines are plain strings). */
export const redactText = (text: string): string =>
  SECRET_PATTERNS.reduce((acc, re) => acc.replace(re, '[redacted]'), text);

const MAX_MESSAGE = 300;

/**
 * An error's message fit for a log line: tokens and keys masked, and everything from an embedded JSON document
 * on dropped (graphql-request's ClientError message carries the request and its variables there), capped in length.
 */
export const maskedMessage = (error: unknown): string | undefined => {
  if (!(error instanceof Error)) return undefined;
  const cut = error.message.search(/[{[]\s*"/);
  const head = cut >= 0 ? `${error.message.slice(0, cut).trimEnd()} […]` : error.message;
  const masked = redactText(head);
  return masked.length > MAX_MESSAGE ? `${masked.slice(0, MAX_MESSAGE)}…` : masked;
};

/** The fields an error log line carries: the error's type and its masked message (never the raw text). */
export const errorFields = (error: unknown): { err: string; message?: string } => {
  const message = maskedMessage(error);
  return {
    err: errorKind(error),
    ...(message === undefined ? {} : { message }),
  };
};

export interface AppLogger extends BoltLogger {
  readonly pino: PinoLogger;
  child(bindings: Record<string, unknown>): AppLogger;
}

const levelOf = (l: string): LogLevel =>
  l === 'debug' || l === 'trace'
    ? LogLevel.DEBUG
    : l === 'warn'
      ? LogLevel.WARN
      : l === 'error' || l === 'fatal'
        ? LogLevel.ERROR
        : LogLevel.INFO;

const asArgs = (msgs: unknown[]): [Record<string, unknown>, string] => {
  const fields: Record<string, unknown> = {};
  const parts: string[] = [];
  for (const m of msgs) {
    if (m instanceof Error)
      fields.err = { type: m.name, message: redactText(m.message), code: (m as { code?: unknown }).code };
    else if (typeof m === 'object' && m !== null) Object.assign(fields, m);
    else parts.push(redactText(String(m)));
  }
  return [fields, withoutSdkPayload(parts.join(' '))];
};

const wrap = (p: PinoLogger): AppLogger => {
  let name = '';
  return {
    pino: p,
    child: (bindings) => wrap(p.child(bindings)),
    debug: (...m) => p.debug(...asArgs(m)),
    info: (...m) => p.info(...asArgs(m)),
    warn: (...m) => p.warn(...asArgs(m)),
    error: (...m) => p.error(...asArgs(m)),
    setLevel: (level) => {
      p.level = level;
    },
    getLevel: () => levelOf(p.level),
    setName: (n) => {
      name = n;
      p.setBindings({ name });
    },
  };
};

export interface LoggerOptions {
  readonly level: string;
  /** Where lines go; defaults to stdout. Tests pass a sink to search every line for secrets. */
  readonly destination?: { write(line: string): void };
}

export const createLogger = (options: LoggerOptions): AppLogger =>
  wrap(
    pino(
      {
        level: options.level,
        redact: { paths: REDACT_PATHS, censor: '[redacted]' },
        base: { app: 'authgear-slack' },
      },
      options.destination ?? process.stdout,
    ),
  );
