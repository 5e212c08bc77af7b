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

/** Invalid account validity / temporary-disable windows (same reason, with a `cause.kind`). */
export const invalidAccountStatusPeriod = (kind: string): FakeApiError =>
  new FakeApiError('Invalid', 'InvalidAccountStatusTransition', 'invalid account status transition', {
    cause: { kind },
  });

/** `api.NewInvariantViolated(kind, message, nil)`, e.g. RemoveLastIdentity. */
export const invariantViolated = (kind: string, message: string): FakeApiError =>
  new FakeApiError('Invalid', 'InvariantViolated', message, { cause: { kind } });

export const passwordPolicyViolated = (minLength: number, length: number): FakeApiError =>
  new FakeApiError('Invalid', 'PasswordPolicyViolated', 'password policy violated', {
    causes: [{ kind: 'PasswordTooShort', min_length: minLength, pw_length: length }],
  });

export const duplicatedIdentity = (): FakeApiError =>
  new FakeApiError('AlreadyExists', 'DuplicatedIdentity', 'identity already exists');

/** pkg/lib/rolesgroups/errors.go: duplicate keys are BadRequest, not AlreadyExists. */
export const groupDuplicateKey = (): FakeApiError =>
  new FakeApiError('BadRequest', 'GroupDuplicateKey', 'duplicate group key');
export const roleDuplicateKey = (): FakeApiError =>
  new FakeApiError('BadRequest', 'RoleDuplicateKey', 'duplicate role key');
export const groupNotFound = (): FakeApiError =>
  new FakeApiError('NotFound', 'GroupNotFound', 'group not found');
export const roleNotFound = (): FakeApiError =>
  new FakeApiError('NotFound', 'RoleNotFound', 'role not found');
export const groupUnknownKeys = (keys: readonly string[]): FakeApiError =>
  new FakeApiError('NotFound', 'GroupUnknownKeys', `unknown group keys: ${keys.join(', ')}`, {
    keys: [...keys],
  });
export const roleUnknownKeys = (keys: readonly string[]): FakeApiError =>
  new FakeApiError('NotFound', 'RoleUnknownKeys', `unknown role keys: ${keys.join(', ')}`, {
    keys: [...keys],
  });

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

/** pkg/lib/facade/error.go */
export const userIsAnonymized = (): FakeApiError =>
  new FakeApiError('Invalid', 'UserIsAnonymized', 'user is anonymized');
export const mfaGracePeriodInvalid = (): FakeApiError =>
  new FakeApiError('Invalid', 'MFAGracePeriodInvalid', 'MFA grace period is invalid');

/** pkg/api/errors.go ErrGetUsersInvalidArgument */
export const getUsersInvalidArgument = (message: string): FakeApiError =>
  new FakeApiError('Invalid', 'GetUsersInvalidArgument', message);

/** pkg/lib/authn/authenticator/errors.go NewErrDuplicatedAuthenticator */
export const duplicatedAuthenticator = (type: string): FakeApiError =>
  new FakeApiError('Invalid', 'InvariantViolated', 'duplicated authenticator', {
    cause: { kind: 'DuplicatedAuthenticator', AuthenticatorType: type },
  });
