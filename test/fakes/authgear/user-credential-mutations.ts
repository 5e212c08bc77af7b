/** Mutations on passwords, reset messages, OTP codes, sessions and verification. */
import { randomInt } from 'node:crypto';
import { type FakeContext, inputOf, type RootField, str } from './context.js';
import {
  checkPassword,
  generatedPassword,
  primaryPassword,
  sendPassword,
  setPrimaryPassword,
} from './credentials.js';
import { forgotPasswordUserNotFound, invalid, notFound, userIsAnonymized } from './errors.js';
import { identitiesByClaim } from './identity-claims.js';
import { requireOwned, requireUser } from './lookup.js';
import { channelOf, deliver, takeCooldown } from './messaging.js';
import type { FakeUser } from './model.js';
import { userPayload } from './user-status-mutations.js';

/** facade.UserFacade.CheckUserAnonymized guards password changes. */
const notAnonymized = (u: FakeUser): FakeUser => {
  if (u.isAnonymized) throw userIsAnonymized();
  return u;
};

/** forgot_password trigger cooldown buckets (pkg/lib/authn/otp/kind_forgot_password.go). */
const cooldownBucket = (target: string): string =>
  channelOf(target) === 'email' ? 'ForgotPasswordCooldownEmail' : 'ForgotPasswordCooldownSMS';

/**
 * pkg/lib/feature/forgotpassword/service.go `SendCode`: identities whose email or phone claim is exactly the
 * given login ID (usernames never match); none → a dummy code still takes the cooldown, then
 * `ForgotPasswordFailed` / `UserNotFound`. Each target has a cooldown (1 minute by default).
 * (The fake takes the cooldown per delivery; Authgear takes it when generating each code.)
 */
const sendResetCode = (ctx: FakeContext, loginID: string): void => {
  const found = [
    ...identitiesByClaim(ctx.store, 'email', loginID),
    ...identitiesByClaim(ctx.store, 'phone_number', loginID),
  ];
  const seconds = ctx.config.forgotPasswordCooldownSeconds;
  if (found.length === 0) {
    takeCooldown(ctx, cooldownBucket(loginID), loginID, seconds);
    throw forgotPasswordUserNotFound();
  }
  // Only identities that support a password (login IDs) get a code; an OAuth match sends nothing.
  for (const { user, item } of found.filter((o) => o.item.type === 'LOGIN_ID')) {
    const target = String(item.claims.email ?? item.claims.phone_number);
    takeCooldown(ctx, cooldownBucket(target), target, seconds);
    deliver(ctx, channelOf(target), target, 'forgot_password', {
      kind: 'reset_password_link',
      loginID,
      target,
      userId: user.id,
      at: ctx.store.nowIso(),
    });
  }
};

export const userCredentialMutations: Record<string, RootField> = {
  /**
   * `password` omitted or "" → Authgear generates one; `sendPassword` mails it to the user's email login IDs
   * (SendPasswordNoTarget otherwise). forgotpassword.Service.setPassword: with no primary password a new one is
   * created (and the expiry is not applied).
   */
  resetPassword: (args, ctx) => {
    const input = inputOf(args);
    const u = notAnonymized(requireUser(ctx.store, input.userID));
    const given = str(input.password) ?? '';
    const password = given === '' ? generatedPassword() : given;
    checkPassword(ctx, password, u);
    const existing = primaryPassword(u);
    const expireAfter =
      existing !== undefined && input.setPasswordExpired === true ? ctx.store.nowIso() : null;
    setPrimaryPassword(ctx, u, password, expireAfter);
    if (input.sendPassword === true)
      sendPassword(
        ctx,
        u,
        password,
        existing ? 'send_password_to_existing_user' : 'send_password_to_new_user',
      );
    return userPayload(ctx, u);
  },
  setPasswordExpired: (args, ctx) => {
    const input = inputOf(args);
    const u = notAnonymized(requireUser(ctx.store, input.userID));
    const pw = primaryPassword(u);
    if (pw === undefined) throw notFound('AuthenticatorNotFound', 'authenticator not found');
    pw.expireAfter = input.expired === true ? ctx.store.nowIso() : null;
    return userPayload(ctx, u);
  },
  sendResetPasswordMessage: (args, ctx) => {
    sendResetCode(ctx, str(inputOf(args).loginID) ?? '');
    return null;
  },
  /** Any target (E.164 → SMS, otherwise email), no ownership check; answers `{ code }`. */
  generateOOBOTPCode: (args, ctx) => {
    const input = inputOf(args);
    const target = str(input.target) ?? '';
    const purpose = input.purpose === 'VERIFICATION' ? 'VERIFICATION' : 'LOGIN';
    const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
    ctx.store.sentMessages.push({ kind: 'otp_code', target, purpose, code, at: ctx.store.nowIso() });
    return { code };
  },
  revokeSession: (args, ctx) => {
    const { user, item } = requireOwned(inputOf(args).sessionID, 'Session', (id) => ctx.store.session(id));
    user.sessions = user.sessions.filter((s) => s.id !== item.id);
    return userPayload(ctx, user);
  },
  revokeAllSessions: (args, ctx) => {
    const u = requireUser(ctx.store, inputOf(args).userID);
    u.sessions = [];
    return userPayload(ctx, u);
  },
  setVerifiedStatus: (args, ctx) => {
    const input = inputOf(args);
    const u = requireUser(ctx.store, input.userID);
    const name = str(input.claimName) ?? '';
    const value = str(input.claimValue) ?? '';
    if (name !== 'email' && name !== 'phone_number') throw invalid(`invalid claim name: ${name}`);
    const stored = name === 'email' ? value.trim().toLowerCase() : value.trim();
    u.verifiedClaims = u.verifiedClaims.filter((c) => !(c.name === name && c.value === stored));
    if (input.isVerified === true) u.verifiedClaims.push({ name, value: stored });
    return userPayload(ctx, u);
  },
};
