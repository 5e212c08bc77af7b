import {
  LOGIN_ID_KEY_CLAIM as LOGIN_KEY_CLAIM,
  LOGIN_ID_VALUE_CLAIM as LOGIN_VALUE_CLAIM,
  textAttr,
} from '../../../authgear/attributes.js';
/** Finding and naming a user's identities and authenticators (pure: works on the user the pipeline loaded). */
import type { AuthgearUser } from '../../../authgear/operations/user-fields.js';
import { safe } from '../../../blocks/primitives.js';
import { AppError } from '../../../errors.js';
import { type LoginIdKey, unwrapSlackLink } from './login-id.js';

export type UserIdentity = AuthgearUser['identities']['nodes'][number];
export type UserAuthenticator = AuthgearUser['authenticators']['nodes'][number];

const ORIGINAL_VALUE_CLAIM = 'https://authgear.com/claims/login_id/original_value';

export const loginIdKeyOf = (i: UserIdentity): LoginIdKey | undefined => {
  const key = i.claims[LOGIN_KEY_CLAIM];
  return key === 'email' || key === 'phone' || key === 'username' ? key : undefined;
};

/** The value a person would recognise an identity by (login ID, email, phone, provider...). Not escaped. */
export const identityValue = (i: UserIdentity): string | undefined => {
  const c = i.claims;
  return (
    textAttr(c[LOGIN_VALUE_CLAIM]) ??
    textAttr(c.email) ??
    textAttr(c.phone_number) ??
    textAttr(c.preferred_username) ??
    textAttr(c['https://authgear.com/claims/oauth/provider_alias']) ??
    textAttr(c['https://authgear.com/claims/oauth/provider_type'])
  );
};

/** "email alice@example.com", escaped for mrkdwn. */
export const describeIdentity = (i: UserIdentity): string => {
  const kind = loginIdKeyOf(i) ?? i.type.toLowerCase().replace(/_/g, ' ');
  const value = identityValue(i);
  return value === undefined ? kind : `${kind} ${safe(value, 200)}`;
};

/**
 * The identity `ref` names: its node ID, or its login value as typed (case-insensitive for emails/usernames).
 * Throws a kind `input.invalid` when the user has none such.
 */
export const findIdentity = (user: AuthgearUser, ref: string): UserIdentity => {
  const wanted = unwrapSlackLink(ref);
  const lower = wanted.toLowerCase();
  const found =
    user.identities.nodes.find((i) => i.id === wanted) ??
    user.identities.nodes.find((i) =>
      [identityValue(i), textAttr(i.claims[ORIGINAL_VALUE_CLAIM])].some((v) => v?.toLowerCase() === lower),
    );
  if (found === undefined) {
    throw new AppError(
      'input.invalid',
      'That user has no such identity (it may already be gone). See them with `/authgear identities <who>`.',
    );
  }
  return found;
};

/** "secondary TOTP (Authenticator app)", escaped. */
export const describeAuthenticator = (a: UserAuthenticator): string => {
  const c = a.claims;
  const detail =
    textAttr(c['https://authgear.com/claims/totp/display_name']) ??
    textAttr(c['https://authgear.com/claims/oob_otp/email']) ??
    textAttr(c['https://authgear.com/claims/oob_otp/phone']) ??
    textAttr(c['https://authgear.com/claims/passkey/display_name']);
  const base = `${a.kind.toLowerCase()} ${a.type.replace(/_/g, ' ')}`;
  return detail === undefined ? base : `${base} (${safe(detail, 200)})`;
};

export const findAuthenticator = (user: AuthgearUser, ref: string): UserAuthenticator => {
  const found = user.authenticators.nodes.find((a) => a.id === ref.trim());
  if (found === undefined) {
    throw new AppError(
      'input.invalid',
      'That user has no such authenticator (it may already be gone). See them with `/authgear mfa <who>`.',
    );
  }
  return found;
};
