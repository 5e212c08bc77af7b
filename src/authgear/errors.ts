import { ClientError } from 'graphql-request';
import { AppError, type ErrorCode, errorKind } from '../errors.js';

/** One GraphQL error as Authgear sends it: `extensions.errorName` is the kind, `reason` the specific cause. */
export interface AuthgearErrorInfo {
  readonly errorName: string | undefined;
  readonly reason: string | undefined;
  readonly causeKind: string | undefined;
}

const REASONS: Record<string, { code: ErrorCode; message: string }> = {
  UserNotFound: {
    code: 'authgear.not_found',
    message: 'Authgear has no such user (it may have been deleted).',
  },
  InvalidAccountStatusTransition: {
    code: 'state.conflict',
    message:
      "That change doesn't fit the account's current state (for example, it is already disabled, or nothing is scheduled).",
  },
  PasswordPolicyViolated: {
    code: 'authgear.invalid',
    message: "That password doesn't meet the project's password policy.",
  },
  DuplicatedIdentity: { code: 'authgear.conflict', message: 'Another user already has that login ID.' },
  GroupDuplicateKey: { code: 'authgear.conflict', message: 'A group with that key already exists.' },
  RoleDuplicateKey: { code: 'authgear.conflict', message: 'A role with that key already exists.' },
  GroupUnknownKeys: { code: 'authgear.not_found', message: 'Authgear has no group with one of those keys.' },
  RoleUnknownKeys: { code: 'authgear.not_found', message: 'Authgear has no role with one of those keys.' },
  UserIsAnonymized: {
    code: 'state.conflict',
    message: 'That account is anonymized: nothing about it can be changed.',
  },
  MFAGracePeriodInvalid: {
    code: 'authgear.invalid',
    message: 'An MFA grace period must end in the future and within 90 days.',
  },
  GetUsersInvalidArgument: {
    code: 'authgear.invalid',
    message: "Authgear can't look that up in this project (no such login ID kind or OAuth provider).",
  },
  ResourceNotFound: { code: 'authgear.not_found', message: 'Authgear has no such API resource.' },
  ResourceDuplicateURI: {
    code: 'authgear.conflict',
    message: 'An API resource with that URI already exists.',
  },
  ScopeNotFound: { code: 'authgear.not_found', message: 'That resource has no such scope.' },
  ScopeDuplicate: { code: 'authgear.conflict', message: 'That resource already has that scope.' },
  ClientNotFound: { code: 'authgear.not_found', message: 'This Authgear project has no such OAuth client.' },
  ResourceNotAssociatedWithClient: {
    code: 'state.conflict',
    message: 'That resource is not added to that client yet: add it first.',
  },
};

const CAUSES: Record<string, string> = {
  RemoveLastIdentity: "That is the user's last identity: add another one before removing it.",
  RemoveLastPrimaryAuthenticator: "That is the user's last primary authenticator: it cannot be removed.",
  DuplicatedAuthenticator: 'The user already has that authenticator. Nothing was changed.',
};

const KINDS: Record<string, { code: ErrorCode; message: string }> = {
  NotFound: { code: 'authgear.not_found', message: 'Authgear could not find that.' },
  Invalid: { code: 'authgear.invalid', message: 'Authgear refused that input.' },
  BadRequest: { code: 'authgear.invalid', message: 'Authgear refused that request.' },
  AlreadyExists: { code: 'authgear.conflict', message: 'That already exists in Authgear.' },
  Unauthorized: { code: 'authgear.forbidden', message: 'Authgear refused the bot access to that.' },
  Forbidden: { code: 'authgear.forbidden', message: 'Authgear refused the bot access to that.' },
  TooManyRequest: {
    code: 'authgear.rate_limited',
    message: 'Authgear is rate-limiting the bot; try again in a minute.',
  },
};

export const authgearErrorInfo = (e: ClientError): AuthgearErrorInfo | undefined => {
  const first = e.response.errors?.[0];
  if (first === undefined) return undefined;
  const ext = (first.extensions ?? {}) as {
    errorName?: unknown;
    reason?: unknown;
    info?: { cause?: { kind?: unknown } };
  };
  const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
  return { errorName: str(ext.errorName), reason: str(ext.reason), causeKind: str(ext.info?.cause?.kind) };
};

const isTimeout = (e: unknown): boolean =>
  e instanceof Error && (e.name === 'TimeoutError' || e.name === 'AbortError');

/**
 * Maps anything the Admin API call threw into an AppError, by `errorName`/`reason`, never by message. The raw
 * ClientError embeds request variables, so it is kept only as `cause` and never logged whole.
 */
export const mapAuthgearError = (e: unknown): AppError => {
  if (e instanceof AppError) return e;
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
    if (info === undefined) {
      return new AppError(
        'authgear.unavailable',
        `Authgear answered with an unexpected HTTP ${status}. Try again shortly.`,
        {
          details: { status },
        },
      );
    }
    const details = { errorName: info.errorName, reason: info.reason, cause: info.causeKind };
    const cause = info.causeKind === undefined ? undefined : CAUSES[info.causeKind];
    if (cause !== undefined) return new AppError('authgear.invalid', cause, { details });
    const known =
      (info.reason !== undefined ? REASONS[info.reason] : undefined) ?? KINDS[info.errorName ?? ''];
    if (known !== undefined) return new AppError(known.code, known.message, { details });
    return new AppError('authgear.unexpected', 'Authgear returned an error the bot does not know.', {
      details,
    });
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
