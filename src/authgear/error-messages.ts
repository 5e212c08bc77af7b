/**
 * Kind words for Authgear's API errors, chosen by `reason` and by the cause kinds in `info` (never by message).
 * Pure: every function takes the parsed `info` object.
 */
import type { ErrorCode } from '../errors.js';

type Info = Readonly<Record<string, unknown>>;
export interface Known {
  readonly code: ErrorCode;
  readonly message: string;
}

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

const LOGIN_ID_WORDS: Record<string, string> = {
  email: 'that email address',
  phone: 'that phone number',
  username: 'that username',
};

/** pkg/lib/authn/identity/errors.go: `info.LoginIDTypeIncoming` says which kind of login ID collided. */
const duplicated = (info: Info): string =>
  `Another user already has ${LOGIN_ID_WORDS[str(info.LoginIDTypeIncoming) ?? ''] ?? 'that login ID'}. Nothing was changed.`;

/** InvariantViolated and friends, by cause kind. */
export const CAUSES: Record<string, (info: Info) => Known> = {
  DuplicatedIdentity: (info) => ({ code: 'authgear.conflict', message: duplicated(info) }),
  RemoveLastIdentity: () => ({
    code: 'authgear.invalid',
    message: "That is the user's last identity: add another one before removing it.",
  }),
  RemoveLastPrimaryAuthenticator: () => ({
    code: 'authgear.invalid',
    message: "That is the user's last primary authenticator: it cannot be removed.",
  }),
  DuplicatedAuthenticator: () => ({
    code: 'authgear.invalid',
    message: 'The user already has that authenticator. Nothing was changed.',
  }),
  RemovePasskeyAuthenticator: () => ({
    code: 'authgear.invalid',
    message: 'That authenticator is a passkey: remove the passkey from `identities` instead.',
  }),
  InvalidLoginIDKey: () => ({
    code: 'authgear.invalid',
    message:
      "This Authgear project doesn't have that kind of login ID turned on. An admin can turn it on in the Authgear Portal (Authentication → Login Methods) and list it in AUTHGEAR_LOGIN_ID_KEYS.",
  }),
  IdentityNotBelongToUser: () => ({
    code: 'state.conflict',
    message: 'That identity belongs to another user now. Nothing was changed.',
  }),
};

/** forgotpassword/errors.go `ForgotPasswordFailed` causes. */
const FORGOT_PASSWORD: Record<string, string> = {
  UserNotFound:
    'Authgear found no account whose email or phone login ID is that address, so no reset message was sent.',
  FeatureDisabled:
    'Password reset is turned off for this Authgear project (Authgear Portal → Forgot Password).',
};

/** pkg/lib/ratelimit/error.go: a cooldown bucket (one message per address per period) or a rate limit. */
const rateLimited = (info: Info): string => {
  const bucket = str(info.bucket_name) ?? '';
  if (bucket.includes('Cooldown'))
    return 'Authgear sends at most one message per address per cooldown (1 minute unless the project set a longer one). Try again in a minute.';
  return 'Authgear is limiting messages to this address or from the bot. Try again in an hour; if it keeps happening, check the messaging limits in the Authgear Portal.';
};

/** checker.go: `info.causes = [{ Name, Info }]`. */
const passwordPolicy = (info: Info): string => {
  const causes = Array.isArray(info.causes) ? (info.causes as { Name?: unknown; Info?: Info }[]) : [];
  const parts = causes.map((c) => {
    const min = c.Info?.min_length;
    switch (c.Name) {
      case 'PasswordTooShort':
        return typeof min === 'number' ? `at least ${min} characters` : 'longer';
      case 'PasswordReused':
        return 'not one of the recent passwords';
      case 'PasswordUppercaseRequired':
        return 'an uppercase letter';
      case 'PasswordLowercaseRequired':
        return 'a lowercase letter';
      case 'PasswordDigitRequired':
        return 'a digit';
      case 'PasswordSymbolRequired':
        return 'a symbol';
      default:
        return 'stronger';
    }
  });
  return parts.length === 0
    ? "That password doesn't meet the project's password policy."
    : `That password doesn't meet the project's password policy: it must be ${parts.join(', ')}.`;
};

/** pkg/util/validation: `info.causes = [{ kind, location, details }]`; names where, not what was typed. */
const validationFailed = (info: Info): string => {
  const causes = Array.isArray(info.causes) ? (info.causes as Info[]) : [];
  const where = causes
    .map((c) => {
      const property = str((c.details as Info | undefined)?.property);
      const location = str(c.location)?.replace(/^\//, '') || property || 'the value';
      return /^[\w./-]{1,60}$/.test(location) ? `\`${location}\` (${str(c.kind) ?? 'invalid'})` : 'a value';
    })
    .slice(0, 5);
  return where.length === 0 ? 'Authgear refused that input.' : `Authgear refused ${where.join(', ')}.`;
};

/** Reasons whose words do not depend on `info`, or that read it themselves. */
export const REASONS: Record<string, (info: Info) => Known> = {
  UserNotFound: () => ({
    code: 'authgear.not_found',
    message: 'Authgear has no such user (it may have been deleted).',
  }),
  InvalidAccountStatusTransition: () => ({
    code: 'state.conflict',
    message:
      "That change doesn't fit the account's current state (for example, it is already disabled, or nothing is scheduled).",
  }),
  UserIsAnonymized: () => ({
    code: 'state.conflict',
    message: 'That account is already anonymized: nothing about it can be changed.',
  }),
  PasswordPolicyViolated: (info) => ({ code: 'authgear.invalid', message: passwordPolicy(info) }),
  SendPasswordNoTarget: () => ({
    code: 'state.conflict',
    message:
      'Authgear can only send a password to an email login ID, and this user has none, so nothing was changed. Generate one instead (`reset-password <who> generate`).',
  }),
  ForgotPasswordFailed: (info) => {
    const cause = str((info.cause as Info | undefined)?.kind) ?? '';
    return {
      code: 'state.conflict',
      message: FORGOT_PASSWORD[cause] ?? 'Authgear could not send a reset-password message.',
    };
  },
  RateLimited: (info) => ({ code: 'authgear.rate_limited', message: rateLimited(info) }),
  ValidationFailed: (info) => ({ code: 'authgear.invalid', message: validationFailed(info) }),
  GetUsersInvalidArgument: () => ({
    code: 'authgear.invalid',
    message:
      "Authgear can't look that up: this project has no login ID of that kind, or the value isn't one.",
  }),
  GroupUnknownKeys: () => ({
    code: 'authgear.not_found',
    message: "Authgear doesn't know one of those keys. Nothing was changed.",
  }),
  RoleUnknownKeys: () => ({
    code: 'authgear.not_found',
    message: "Authgear doesn't know one of those role keys. Nothing was changed.",
  }),
  UserUnknownKeys: () => ({
    code: 'authgear.not_found',
    message: 'One of those users no longer exists in Authgear. Nothing was changed.',
  }),
  GroupDuplicateKey: () => ({ code: 'authgear.conflict', message: 'A group with that key already exists.' }),
  RoleDuplicateKey: () => ({ code: 'authgear.conflict', message: 'A role with that key already exists.' }),
  ResourceNotFound: () => ({ code: 'authgear.not_found', message: 'Authgear has no such API resource.' }),
  ResourceDuplicateURI: () => ({
    code: 'authgear.conflict',
    message: 'An API resource with that URI already exists.',
  }),
  ScopeNotFound: () => ({ code: 'authgear.not_found', message: 'That resource has no such scope.' }),
  ScopeDuplicate: () => ({ code: 'authgear.conflict', message: 'That resource already has that scope.' }),
  ClientNotFound: () => ({
    code: 'authgear.not_found',
    message: 'This Authgear project has no such OAuth client.',
  }),
  ResourceNotAssociatedWithClient: () => ({
    code: 'state.conflict',
    message: 'That resource is not added to that client yet: add it first.',
  }),
  MFAGracePeriodInvalid: () => ({
    code: 'authgear.invalid',
    message: 'An MFA grace period must end in the future and within 90 days.',
  }),
};

/** By `errorName` when neither the reason nor a cause is known. */
export const KINDS: Record<string, Known> = {
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
