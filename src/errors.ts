/**
 * Typed, coded errors. Every error a person can see is an AppError with a code from the union below and a
 * kind `userMessage`; anything else is rendered as a generic message with a reference ID (see handlers/respond-error).
 */
export type ErrorCode =
  | 'config.invalid'
  | 'policy.invalid'
  | 'input.invalid'
  | 'input.usage'
  | 'permission.denied'
  | 'channel.not_allowed'
  | 'user.not_found'
  | 'user.ambiguous'
  | 'state.conflict'
  | 'state.no_change'
  | 'authgear.not_found'
  | 'authgear.invalid'
  | 'authgear.conflict'
  | 'authgear.forbidden'
  | 'authgear.unauthorized'
  | 'authgear.rate_limited'
  | 'authgear.unavailable'
  | 'authgear.timeout'
  | 'authgear.unexpected'
  | 'slack.unavailable'
  | 'slack.cannot_post'
  | 'approval.not_found'
  | 'approval.expired'
  | 'approval.closed'
  | 'approval.self_approval'
  | 'approval.duplicate'
  | 'approval.not_requester'
  | 'store.unavailable'
  | 'audit.unavailable'
  | 'service.restarting'
  | 'internal';

export interface AppErrorOptions {
  cause?: unknown;
  /** Field errors for modals: block_id → message. */
  fields?: Record<string, string>;
  /** Structured, non-secret details for logs and audit (e.g. Authgear's `reason`). */
  details?: Record<string, string | number | boolean | undefined>;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly userMessage: string;
  readonly fields: Record<string, string> | undefined;
  readonly details: Record<string, string | number | boolean | undefined>;

  constructor(code: ErrorCode, userMessage: string, options: AppErrorOptions = {}) {
    super(`${code}: ${userMessage}`, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.userMessage = userMessage;
    this.fields = options.fields;
    this.details = options.details ?? {};
  }
}

/** A validation failure of something a person typed or submitted; `fields` maps block IDs to messages. */
export class ValidationError extends AppError {
  constructor(userMessage: string, fields?: Record<string, string>) {
    super('input.invalid', userMessage, fields === undefined ? {} : { fields });
    this.name = 'ValidationError';
  }
}

export const isAppError = (e: unknown): e is AppError => e instanceof AppError;

/** Wraps anything thrown into an AppError, keeping AppErrors as they are. */
export const asAppError = (e: unknown): AppError =>
  isAppError(e) ? e : new AppError('internal', 'Something went wrong on our side.', { cause: e });

/**
 * What kind of thing was thrown, for logs: an error's name, else its JS type. Never its message, which may embed
 * request variables or secrets.
 */
export const errorKind = (e: unknown): string => (e instanceof Error ? e.name : typeof e);
