import { randomUUID } from 'node:crypto';
import { ClientError } from 'graphql-request';
import { AppError, type AppErrorOptions, type ErrorCode, errorKind } from '../errors.js';
import { CAUSES, KINDS, REASONS } from './error-messages.js';

/** One GraphQL error as Authgear sends it: `extensions.errorName` is the kind, `reason` the specific cause. */
export interface AuthgearErrorInfo {
  readonly errorName: string | undefined;
  readonly reason: string | undefined;
  /** Every cause kind in `info`, wherever Authgear puts it: `info.cause.kind` or `info.causes[].kind`. */
  readonly causeKinds: readonly string[];
  /** `extensions.info` as sent (may hold user input: never log it whole). */
  readonly info: Readonly<Record<string, unknown>>;
  /** False for Authgear's bare `{"message": "unexpected error"}`: any failure that is not an API error. */
  readonly hasExtensions: boolean;
  /** The error's message (Authgear's, not graphql-request's, which embeds the request): mask before logging. */
  readonly message: string;
}

/** An error Authgear answered through GraphQL, with what it said. */
export class AuthgearError extends AppError {
  readonly authgear: AuthgearErrorInfo;
  /** A short ID for a person to quote when Authgear gave no reason (it is logged with the masked message). */
  readonly reference: string | undefined;

  constructor(
    code: ErrorCode,
    userMessage: string,
    authgear: AuthgearErrorInfo,
    options: AppErrorOptions & { reference?: string } = {},
  ) {
    super(code, userMessage, options);
    this.name = 'AuthgearError';
    this.authgear = authgear;
    this.reference = options.reference;
  }
}

/** The words for an error Authgear gave no reason for, naming what was asked when it is known. */
export const noReasonMessage = (reference: string, what?: string): string =>
  `Authgear refused ${what === undefined ? 'that' : `to ${what}`} and gave no reason, so nothing was changed (Authgear rolls a failed request back). If it keeps happening, give an admin the reference \`${reference}\`.`;

const record = (v: unknown): Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

const causeKindsOf = (info: Record<string, unknown>): string[] => {
  const one = str(record(info.cause).kind);
  const many = Array.isArray(info.causes)
    ? info.causes.map((c) => str(record(c).kind) ?? str(record(c).Name))
    : [];
  return [one, ...many].filter((k): k is string => k !== undefined);
};

export const authgearErrorInfo = (e: ClientError): AuthgearErrorInfo | undefined => {
  const first = e.response.errors?.[0];
  if (first === undefined) return undefined;
  const ext = record(first.extensions);
  const info = record(ext.info);
  return {
    errorName: str(ext.errorName),
    reason: str(ext.reason),
    causeKinds: causeKindsOf(info),
    info,
    hasExtensions: str(ext.errorName) !== undefined || str(ext.reason) !== undefined,
    message: typeof first.message === 'string' ? first.message : '',
  };
};

const isTimeout = (e: unknown): boolean =>
  e instanceof Error && (e.name === 'TimeoutError' || e.name === 'AbortError');

/** Network errors that mean the request never reached Authgear (nothing can have been applied). */
const NOT_SENT = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'UND_ERR_CONNECT_TIMEOUT',
  'ERR_INVALID_URL',
]);

/** The first `code` along an error's cause chain (undici puts the socket error under `cause`). */
const networkCode = (e: unknown): string | undefined => {
  let current: unknown = e;
  for (let depth = 0; depth < 5 && current instanceof Error; depth += 1) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    current = current.cause;
  }
  return undefined;
};

/**
 * A mutation whose answer was lost after it may have reached Authgear: Authgear commits one transaction per
 * request, so a timeout, a connection dropped after sending, or a gateway's 5xx says nothing about whether the
 * change happened. The person is told to check, never that it failed.
 */
/**
 * graphql-request's own error for a 2xx answer that is not a GraphQL result (e.g. a web server's HTML page):
 * something answered, so it is not a lost connection.
 */
const isNotGraphQL = (e: unknown): e is Error =>
  e instanceof Error && e.message.startsWith('Invalid execution result');

/** The answer graphql-request quotes after "Got:" began with a tag. */
const answeredHtml = (e: Error): boolean => /Got:\s*</.test(e.message);

const outcomeUnknown = (why: string, details: Record<string, string | number | undefined> = {}): AppError =>
  new AppError(
    'authgear.outcome_unknown',
    `Authgear did not confirm whether this was done (${why}). Check the user in Authgear before trying again.`,
    { details },
  );

export interface MapOptions {
  /** The request was a mutation: a lost answer leaves its outcome unknown. */
  readonly mutation?: boolean;
}

/** The AppError for an error Authgear answered through GraphQL. */
const fromGraphQL = (e: ClientError, info: AuthgearErrorInfo): AuthgearError => {
  const details = { errorName: info.errorName, reason: info.reason, cause: info.causeKinds[0] };
  if (!info.hasExtensions) {
    // Authgear answers any failure that is not an API error with a bare "unexpected error" (api_error.go).
    const reference = randomUUID().slice(0, 8);
    return new AuthgearError('authgear.unexpected', noReasonMessage(reference), info, {
      details: { ...details, reference },
      cause: e,
      reference,
    });
  }
  const byCause = info.causeKinds.map((k) => CAUSES[k]).find((f) => f !== undefined);
  const byReason = info.reason === undefined ? undefined : REASONS[info.reason];
  const known = (byCause ?? byReason)?.(info.info) ?? KINDS[info.errorName ?? ''];
  if (known !== undefined) return new AuthgearError(known.code, known.message, info, { details, cause: e });
  return new AuthgearError('authgear.unexpected', 'Authgear returned an error the bot does not know.', info, {
    details,
    cause: e,
  });
};

/**
 * Maps anything the Admin API call threw into an AppError, by `errorName`/`reason` and the cause kinds in
 * `info`, never by message. The raw ClientError embeds request variables, so it is kept only as `cause` and
 * never logged whole.
 */
export const mapAuthgearError = (e: unknown, options: MapOptions = {}): AppError => {
  if (e instanceof AppError) return e;
  const mutation = options.mutation === true;
  if (e instanceof ClientError) {
    const status = e.response.status;
    if (status === 401 || status === 403) {
      return new AppError(
        'authgear.unauthorized',
        "Authgear refused the bot's Admin API key. An admin should check AUTHGEAR_ADMIN_KEY_ID and the private key.",
        { details: { status } },
      );
    }
    const info = authgearErrorInfo(e);
    if (info === undefined && mutation && status >= 500)
      return outcomeUnknown(`it answered HTTP ${status}`, { status });
    if (info === undefined) {
      return new AppError(
        'authgear.unavailable',
        `Authgear answered with an unexpected HTTP ${status}. Try again shortly.`,
        { details: { status } },
      );
    }
    return fromGraphQL(e, info);
  }
  if (isTimeout(e) && mutation) return outcomeUnknown('it did not answer in time');
  const code = networkCode(e);
  if (mutation && !(code !== undefined && NOT_SENT.has(code)))
    return outcomeUnknown('the connection was lost', { kind: errorKind(e), code });
  if (isNotGraphQL(e)) {
    return new AppError(
      'authgear.unavailable',
      'Authgear answered something that is not the Admin API. An admin should check AUTHGEAR_ENDPOINT.',
      { details: { answered: answeredHtml(e) ? 'html' : 'other' } },
    );
  }
  if (isTimeout(e)) {
    return new AppError(
      'authgear.timeout',
      'Authgear did not answer in time. Nothing was confirmed; check before retrying.',
    );
  }
  return new AppError(
    'authgear.unavailable',
    'The bot cannot reach Authgear right now. Try again in a moment.',
    {
      details: { kind: errorKind(e) },
    },
  );
};

/** Whether `e` is Authgear's answer with `reason` (e.g. `GetUsersInvalidArgument`). */
export const isAuthgearReason = (e: unknown, reason: string): e is AuthgearError =>
  e instanceof AuthgearError && e.authgear.reason === reason;
