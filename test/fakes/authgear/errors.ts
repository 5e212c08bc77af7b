/**
 * Authgear's API errors as the Admin API renders them in GraphQL: `extensions: { errorName, reason, info? }`
 * (authgear-server `pkg/api/apierrors` + `pkg/util/graphqlutil/api_error.go`). graphql-js copies an original
 * error's `extensions` onto the GraphQL error, so resolvers just throw these.
 */
export type ErrorName =
  | 'BadRequest'
  | 'Invalid'
  | 'NotFound'
  | 'AlreadyExists'
  | 'Forbidden'
  | 'TooManyRequest'
  | 'InternalError';

export interface ApiErrorExtensions {
  errorName: ErrorName;
  reason: string;
  info?: Record<string, unknown>;
  [key: string]: unknown;
}

export class FakeApiError extends Error {
  readonly extensions: ApiErrorExtensions;

  constructor(errorName: ErrorName, reason: string, message: string, info?: Record<string, unknown>) {
    super(message);
    this.name = 'FakeApiError';
    this.extensions = info === undefined ? { errorName, reason } : { errorName, reason, info };
  }
}

export const userNotFound = (): FakeApiError =>
  new FakeApiError('NotFound', 'UserNotFound', 'user not found');

/** Authgear: `apierrors.NewInvalid("invalid user ID")` and friends (errorName and reason both `Invalid`). */
export const invalidId = (what: string): FakeApiError =>
  new FakeApiError('Invalid', 'Invalid', `invalid ${what} ID`);

export const invalid = (message: string): FakeApiError => new FakeApiError('Invalid', 'Invalid', message);

export const notFound = (reason: string, message: string): FakeApiError =>
  new FakeApiError('NotFound', reason, message);

/** pkg/lib/authn/user/account_status.go `makeTransitionError`. */
export const invalidAccountStatusTransition = (from: string, to: string): FakeApiError =>
  new FakeApiError(
    'Invalid',
    'InvalidAccountStatusTransition',
    `invalid account status transition: ${from} -> ${to}`,
    {
      from,
      to,
    },
  );

/** Invalid account validity / temporary-disable windows: same reason, `info.cause.kind` (account_status.go). */
export const invalidAccountStatusPeriod = (kind: string): FakeApiError =>
  new FakeApiError('Invalid', 'InvalidAccountStatusTransition', 'invalid account status transition', {
    cause: { kind },
  });

/** `api.NewInvariantViolated(kind, message, data)`: `info.cause = { kind, ...data }` (pkg/api/errors.go). */
export const invariantViolated = (
  kind: string,
  message: string,
  data: Record<string, unknown> = {},
): FakeApiError => new FakeApiError('Invalid', 'InvariantViolated', message, { cause: { kind, ...data } });

/** One password policy violation as Authgear serialises `Policy` (no JSON tags): `{ Name, Info? }`. */
export interface PolicyViolation {
  Name: string;
  Info?: Record<string, unknown>;
}

/** pkg/lib/authn/authenticator/password/checker.go: `PasswordPolicyViolated`, `info.causes = [{Name, Info}]`. */
export const passwordPolicyViolated = (causes: readonly PolicyViolation[]): FakeApiError =>
  new FakeApiError('Invalid', 'PasswordPolicyViolated', 'password policy violated', { causes: [...causes] });

export interface IdentitySpecInfo {
  type: 'login_id' | 'oauth';
  loginIdType?: string;
}

/** pkg/lib/authn/identity/errors.go `NewErrDuplicatedIdentity`: InvariantViolated + details in `info`. */
export const duplicatedIdentity = (incoming: IdentitySpecInfo, existing: IdentitySpecInfo): FakeApiError =>
  new FakeApiError('Invalid', 'InvariantViolated', 'identity already exists', {
    cause: { kind: 'DuplicatedIdentity' },
    IdentityTypeIncoming: incoming.type,
    ...(incoming.loginIdType ? { LoginIDTypeIncoming: incoming.loginIdType } : {}),
    IdentityTypeExisting: existing.type,
    ...(existing.loginIdType ? { LoginIDTypeExisting: existing.loginIdType } : {}),
  });

/** pkg/api/errors.go `ErrGetUsersInvalidArgument`. */
export const getUsersInvalidArgument = (message: string): FakeApiError =>
  new FakeApiError('Invalid', 'GetUsersInvalidArgument', message);

/** pkg/lib/feature/forgotpassword/errors.go */
export const forgotPasswordUserNotFound = (): FakeApiError =>
  new FakeApiError('Invalid', 'ForgotPasswordFailed', 'specified user not found', {
    cause: { kind: 'UserNotFound' },
  });
export const sendPasswordNoTarget = (): FakeApiError =>
  new FakeApiError('Invalid', 'SendPasswordNoTarget', 'no target to send the password');

/** pkg/lib/ratelimit/error.go: a cooldown bucket has no rate limit name, so `info` holds only `bucket_name`. */
export const rateLimited = (bucketName: string): FakeApiError =>
  new FakeApiError('TooManyRequest', 'RateLimited', 'request rate limited', { bucket_name: bucketName });

/** pkg/util/validation: `ValidationFailed`, `info.causes = [{ kind, location, details? }]`. */
export interface ValidationCause {
  kind: string;
  location: string;
  details?: Record<string, unknown>;
}
export const validationFailed = (causes: readonly ValidationCause[]): FakeApiError =>
  new FakeApiError('Invalid', 'ValidationFailed', 'invalid value', { causes: [...causes] });

/** pkg/lib/facade/error.go */
export const userIsAnonymized = (): FakeApiError =>
  new FakeApiError('Invalid', 'UserIsAnonymized', 'user is anonymized');
export const mfaGracePeriodInvalid = (): FakeApiError =>
  new FakeApiError('Invalid', 'MFAGracePeriodInvalid', 'MFA grace period is invalid');

/** pkg/lib/infra/db/pagination.go */
export const invalidCursor = (): FakeApiError =>
  new FakeApiError('Invalid', 'InvalidCursor', 'invalid pagination cursor');
export const unsupportedPagination = (): FakeApiError =>
  new FakeApiError('BadRequest', 'InvalidQuery', 'unsupported pagination');

/** pkg/lib/rolesgroups/errors.go: duplicate keys are BadRequest, not AlreadyExists. */
export const groupDuplicateKey = (): FakeApiError =>
  new FakeApiError('BadRequest', 'GroupDuplicateKey', 'duplicate group key');
export const roleDuplicateKey = (): FakeApiError =>
  new FakeApiError('BadRequest', 'RoleDuplicateKey', 'duplicate role key');
export const groupNotFound = (): FakeApiError =>
  new FakeApiError('NotFound', 'GroupNotFound', 'group not found');
export const roleNotFound = (): FakeApiError =>
  new FakeApiError('NotFound', 'RoleNotFound', 'role not found');
/** store_group_role.go: unknown ROLE keys in addGroupToRoles/removeGroupFromRoles also use this reason. */
export const groupUnknownKeys = (keys: readonly string[], what: 'group' | 'role' = 'group'): FakeApiError =>
  new FakeApiError('NotFound', 'GroupUnknownKeys', `unknown ${what} keys`, { keys: [...keys] });
export const roleUnknownKeys = (keys: readonly string[]): FakeApiError =>
  new FakeApiError('NotFound', 'RoleUnknownKeys', 'unknown role keys', { keys: [...keys] });
/** store_group_user.go / store_role_user.go: unknown user IDs (raw IDs) in a list. */
export const userUnknownKeys = (ids: readonly string[]): FakeApiError =>
  new FakeApiError('NotFound', 'UserUnknownKeys', 'unknown user ids', { ids: [...ids] });

/** Body of a non-GraphQL error response (authgear-server `api.Response{Error}`), e.g. for `failNext`. */
export const httpErrorBody = (
  status: number,
): { error: { name: string; reason: string; message: string; code: number } } => {
  const name =
    status === 429
      ? 'TooManyRequest'
      : status === 503
        ? 'ServiceUnavailable'
        : status === 400
          ? 'BadRequest'
          : status === 404
            ? 'NotFound'
            : 'InternalError';
  const reason = name === 'InternalError' ? 'UnexpectedError' : name;
  return { error: { name, reason, message: `fake failure (${status})`, code: status } };
};

/** pkg/lib/resourcescope/errors.go */
export const resourceNotFound = (): FakeApiError =>
  new FakeApiError('NotFound', 'ResourceNotFound', 'resource not found');
export const resourceDuplicateURI = (): FakeApiError =>
  new FakeApiError('BadRequest', 'ResourceDuplicateURI', 'duplicate resource uri');
export const scopeNotFound = (): FakeApiError =>
  new FakeApiError('NotFound', 'ScopeNotFound', 'scope not found');
export const scopeDuplicate = (): FakeApiError =>
  new FakeApiError('BadRequest', 'ScopeDuplicate', 'duplicate scope');
export const clientNotFound = (): FakeApiError =>
  new FakeApiError('NotFound', 'ClientNotFound', 'client not found');
export const resourceNotAssociatedWithClient = (): FakeApiError =>
  new FakeApiError(
    'Forbidden',
    'ResourceNotAssociatedWithClient',
    'resource is not associated with the client',
  );

/** pkg/lib/authn/authenticator/errors.go NewErrDuplicatedAuthenticator */
export const duplicatedAuthenticator = (type: string): FakeApiError =>
  new FakeApiError('Invalid', 'InvariantViolated', 'duplicated authenticator', {
    cause: { kind: 'DuplicatedAuthenticator', AuthenticatorType: type },
  });
