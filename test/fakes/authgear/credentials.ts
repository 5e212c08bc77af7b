/** Passwords as the Admin API sets and sends them. */
import { randomBytes } from 'node:crypto';
import type { FakeContext } from './context.js';
import { type PolicyViolation, passwordPolicyViolated, sendPasswordNoTarget } from './errors.js';
import { identityAwareClaims } from './identity-claims.js';
import { deliver } from './messaging.js';
import type { FakeUser } from './model.js';
import { makeAuthenticator } from './seed.js';

/** pkg/lib/authn/authenticator/password/generator.go stands behind this: a random password meeting the policy. */
export const generatedPassword = (): string => `${randomBytes(12).toString('base64url')}A1!`;

/**
 * checker.go `ValidateNewPassword` (used for admin resets and new passwords too): length in code points, then
 * the history (the current password counts) when the project keeps one.
 */
export const checkPassword = (ctx: FakeContext, password: string, user?: FakeUser): void => {
  const violations: PolicyViolation[] = [];
  const min = ctx.config.passwordMinLength;
  const length = [...password].length;
  if (min > 0 && length < min)
    violations.push({
      Name: 'PasswordTooShort',
      Info: { min_length: min, pw_length: Buffer.byteLength(password) },
    });
  const size = ctx.config.passwordHistorySize;
  if (size > 0 && user !== undefined && user.passwordHistory.slice(0, size).includes(password))
    violations.push({ Name: 'PasswordReused', Info: { history_size: size, history_days: 0 } });
  if (violations.length > 0) throw passwordPolicyViolated(violations);
};

export const primaryPassword = (u: FakeUser) =>
  u.authenticators.find((a) => a.kind === 'PRIMARY' && a.type === 'PASSWORD');

/** Sets (or creates) the primary password and records it in the history. */
export const setPrimaryPassword = (
  ctx: FakeContext,
  u: FakeUser,
  password: string,
  expireAfter: string | null,
): void => {
  const at = ctx.store.nowIso();
  const existing = primaryPassword(u);
  if (existing === undefined)
    u.authenticators.push(
      makeAuthenticator('PRIMARY', 'PASSWORD', at, { password, expireAfter, isDefault: true }),
    );
  else Object.assign(existing, { password, expireAfter, updatedAt: at });
  u.passwordHistory.unshift(password);
};

/**
 * pkg/lib/feature/forgotpassword/sender.go `Send`: to every email of the user's identities that support a
 * password (login IDs), else `SendPasswordNoTarget` (and the request's transaction is rolled back).
 */
export const sendPassword = (
  ctx: FakeContext,
  u: FakeUser,
  password: string,
  messageType: 'send_password_to_existing_user' | 'send_password_to_new_user',
): void => {
  const emails = u.identities
    .filter((i) => i.type === 'LOGIN_ID')
    .flatMap((i) => identityAwareClaims(i).email ?? []);
  if (emails.length === 0) throw sendPasswordNoTarget();
  for (const recipient of emails) {
    deliver(ctx, 'email', recipient, messageType, {
      kind: 'password',
      userId: u.id,
      recipient,
      password,
      at: ctx.store.nowIso(),
    });
  }
};
