/** Mutations on passwords, OTP codes, sessions, verification, and user creation/update. */
import { randomBytes, randomInt } from 'node:crypto';
import { type FakeContext, inputOf, type RootField, str } from './context.js';
import { duplicatedIdentity, invalid, notFound, passwordPolicyViolated } from './errors.js';
import { requireOwned, requireUser } from './lookup.js';
import type { FakeUser, LoginIdKey } from './model.js';
import { makeAuthenticator, normalizeLoginId } from './seed.js';
import { userPayload } from './user-status-mutations.js';
import { userView } from './views.js';

const LOGIN_ID_KEYS: readonly LoginIdKey[] = ['email', 'phone', 'username'];
const STANDARD_ATTRIBUTE: Record<LoginIdKey, string> = {
  email: 'email',
  phone: 'phone_number',
  username: 'preferred_username',
};

export const checkPassword = (ctx: FakeContext, password: string): void => {
  if (password.length < ctx.passwordMinLength)
    throw passwordPolicyViolated(ctx.passwordMinLength, password.length);
};

/** Parses `IdentityDefinition { loginID { key, value } }`; unknown keys are Invalid as in Authgear. */
export const loginIdOf = (definition: unknown): { key: LoginIdKey; value: string } => {
  const loginID =
    typeof definition === 'object' && definition !== null
      ? (definition as { loginID?: unknown }).loginID
      : undefined;
  const raw =
    typeof loginID === 'object' && loginID !== null ? (loginID as { key?: unknown; value?: unknown }) : {};
  const key = LOGIN_ID_KEYS.find((k) => k === raw.key);
  const value = str(raw.value);
  if (key === undefined || value === undefined || value.trim() === '')
    throw invalid('invalid login ID definition');
  return { key, value };
};

export const assertLoginIdFree = (ctx: FakeContext, key: LoginIdKey, value: string): void => {
  if (ctx.store.userByLoginId(key, value) !== undefined) throw duplicatedIdentity();
};

export const applyLoginIdAttribute = (u: FakeUser, key: LoginIdKey, value: string): void => {
  const attribute = STANDARD_ATTRIBUTE[key];
  if (u.standardAttributes[attribute] === undefined)
    u.standardAttributes[attribute] = normalizeLoginId(key, value);
};

const generatedPassword = (): string => `${randomBytes(12).toString('base64url')}A1!`;

const setPassword = (ctx: FakeContext, u: FakeUser, password: string, expired: boolean): void => {
  const at = ctx.store.nowIso();
  const existing = u.authenticators.find((a) => a.kind === 'PRIMARY' && a.type === 'PASSWORD');
  const expireAfter = expired ? at : null;
  if (existing === undefined) {
    u.authenticators.push(makeAuthenticator('PRIMARY', 'PASSWORD', at, { password, expireAfter }));
  } else {
    Object.assign(existing, { password, expireAfter, updatedAt: at });
  }
};

export const userCredentialMutations: Record<string, RootField> = {
  resetPassword: (args, ctx) => {
    const input = inputOf(args);
    const u = requireUser(ctx.store, input.userID);
    const given = str(input.password);
    if (given === undefined && input.sendPassword !== true) throw invalid('password is required');
    const password = given ?? generatedPassword();
    if (given !== undefined) checkPassword(ctx, given);
    setPassword(ctx, u, password, input.setPasswordExpired === true);
    if (input.sendPassword === true) {
      ctx.store.sentMessages.push({ kind: 'password', userId: u.id, password, at: ctx.store.nowIso() });
    }
    return userPayload(ctx, u);
  },
  setPasswordExpired: (args, ctx) => {
    const input = inputOf(args);
    const u = requireUser(ctx.store, input.userID);
    const pw = u.authenticators.find((a) => a.kind === 'PRIMARY' && a.type === 'PASSWORD');
    if (pw === undefined) throw notFound('AuthenticatorNotFound', 'authenticator not found');
    pw.expireAfter = input.expired === true ? ctx.store.nowIso() : null;
    return userPayload(ctx, u);
  },
  sendResetPasswordMessage: (args, ctx) => {
    const loginID = str(inputOf(args).loginID) ?? '';
    const u = LOGIN_ID_KEYS.map((k) => ctx.store.userByLoginId(k, loginID)).find((x) => x !== undefined);
    if (u === undefined) throw notFound('ForgotPasswordUserNotFound', 'specified user not found');
    ctx.store.sentMessages.push({
      kind: 'reset_password_link',
      loginID,
      userId: u.id,
      at: ctx.store.nowIso(),
    });
    return null;
  },
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
  createUser: (args, ctx) => {
    const input = inputOf(args);
    const { key, value } = loginIdOf(input.definition);
    assertLoginIdFree(ctx, key, value);
    const password = str(input.password);
    if (password !== undefined) checkPassword(ctx, password);
    const u = ctx.store.addUser({
      [key]: value,
      password: null,
      emailVerified: false,
      phoneVerified: false,
      accountValidFrom: str(input.accountValidFrom) ?? null,
      accountValidUntil: str(input.accountValidUntil) ?? null,
    });
    if (password !== undefined) setPassword(ctx, u, password, input.setPasswordExpired === true);
    if (input.sendPassword === true && password !== undefined) {
      ctx.store.sentMessages.push({ kind: 'password', userId: u.id, password, at: ctx.store.nowIso() });
    }
    return { user: userView(ctx.store, u) };
  },
  /** Replaces `standardAttributes` / `customAttributes` wholesale when given, exactly like Authgear. */
  updateUser: (args, ctx) => {
    const input = inputOf(args);
    const u = requireUser(ctx.store, input.userID);
    const isObject = (v: unknown): v is Record<string, unknown> =>
      typeof v === 'object' && v !== null && !Array.isArray(v);
    if (isObject(input.standardAttributes)) {
      const { email_verified: _e, phone_number_verified: _p, sub: _s, ...rest } = input.standardAttributes;
      u.standardAttributes = rest;
    }
    if (isObject(input.customAttributes)) u.customAttributes = { ...input.customAttributes };
    return userPayload(ctx, u);
  },
};
