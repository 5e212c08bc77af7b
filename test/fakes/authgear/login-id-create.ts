/**
 * Creating a login ID as the Admin API does (pkg/admin/facade/user.go Create, identity.go Create;
 * pkg/lib/facade/coordinator.go UserCreatebyAdmin / IdentityCreateByAdmin).
 */
import { type FakeContext, str } from './context.js';
import { duplicatedIdentity, invariantViolated } from './errors.js';
import {
  identitiesByClaim,
  identityAwareClaims,
  identityByUniqueKey,
  populateIdentityAttributes,
  STANDARD_CLAIMS,
} from './identity-claims.js';
import { isConfigured, validateLoginId } from './login-ids.js';
import type { FakeIdentity, FakeUser, LoginIdKey } from './model.js';
import { makeAuthenticator, makeLoginIdIdentity } from './seed.js';

/** `IdentityDefinition { loginID { key, value } }`; a key the project does not configure → InvalidLoginIDKey. */
export const loginIdDefinition = (
  ctx: FakeContext,
  definition: unknown,
): { key: LoginIdKey; value: string } => {
  const loginID =
    typeof definition === 'object' && definition !== null
      ? (definition as { loginID?: unknown }).loginID
      : undefined;
  const raw =
    typeof loginID === 'object' && loginID !== null ? (loginID as { key?: unknown; value?: unknown }) : {};
  const key = str(raw.key) ?? '';
  if (!isConfigured(ctx.config, key)) throw invariantViolated('InvalidLoginIDKey', 'invalid login ID key');
  return { key, value: str(raw.value) ?? '' };
};

const specOf = (i: FakeIdentity) =>
  i.type === 'OAUTH'
    ? { type: 'oauth' as const }
    : { type: 'login_id' as const, loginIdType: i.loginIdKey ?? '' };

/**
 * identity/service `CheckDuplicated`: another user's identity with the same email/phone/username claim, or the
 * same unique key → InvariantViolated / DuplicatedIdentity. The same user's own unique key passes the check and
 * then breaks the database constraint `UNIQUE (app_id, unique_key)` (initial_tables.sql): "unexpected error".
 */
export const assertNoDuplicate = (
  ctx: FakeContext,
  userId: string | undefined,
  candidate: FakeIdentity,
): void => {
  const claims = identityAwareClaims(candidate);
  for (const name of STANDARD_CLAIMS) {
    const value = claims[name];
    if (value === undefined) continue;
    const other = identitiesByClaim(ctx.store, name, value).find((o) => o.user.id !== userId);
    if (other !== undefined) throw duplicatedIdentity(specOf(candidate), specOf(other.item));
  }
  const owner = identityByUniqueKey(ctx.store, candidate.value ?? '');
  if (owner === undefined) return;
  if (owner.user.id !== userId) throw duplicatedIdentity(specOf(candidate), specOf(owner.item));
  throw new Error('pq: duplicate key value violates unique constraint "_auth_identity_login_id_key"');
};

/** A validated, de-duplicated new login ID identity for `user` (not yet attached). */
export const newLoginId = (ctx: FakeContext, user: FakeUser | undefined, key: LoginIdKey, value: string) => {
  const normalized = validateLoginId(ctx.config, key, value);
  const identity = makeLoginIdIdentity(key, value, ctx.store.nowIso());
  identity.value = normalized;
  assertNoDuplicate(ctx, user?.id, identity);
  return identity;
};

/** The OOB-OTP primary authenticator a login ID gets when the project enables it (coordinator.go). */
export const oobAuthenticatorFor = (ctx: FakeContext, identity: FakeIdentity) => {
  const at = ctx.store.nowIso();
  const value = identity.value ?? '';
  if (identity.loginIdKey === 'email' && ctx.config.primaryAuthenticators.includes('oob_otp_email'))
    return makeAuthenticator('PRIMARY', 'OOB_OTP_EMAIL', at, {
      isDefault: true,
      claims: { 'https://authgear.com/claims/oob_otp/email': value },
    });
  if (identity.loginIdKey === 'phone' && ctx.config.primaryAuthenticators.includes('oob_otp_sms'))
    return makeAuthenticator('PRIMARY', 'OOB_OTP_SMS', at, {
      isDefault: true,
      claims: { 'https://authgear.com/claims/oob_otp/phone': value },
    });
  return undefined;
};

/** Attaches the identity and fills the email/phone/username standard attribute from it. */
export const attachIdentity = (user: FakeUser, identity: FakeIdentity): void => {
  user.identities.push(identity);
  populateIdentityAttributes(user);
};
