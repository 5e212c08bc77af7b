/** Mutations on a user's account status, validity window, lockout and MFA grace period. */
import * as status from './account-status.js';
import { type FakeContext, inputOf, type RootField, str } from './context.js';
import { mfaGracePeriodInvalid, userIsAnonymized } from './errors.js';
import { requireUser } from './lookup.js';
import type { FakeUser } from './model.js';
import { encodeNodeId } from './node-id.js';
import { unlockedAccount } from './seed.js';
import { userView } from './views.js';

const DAY_MS = 86_400_000;

export const userPayload = (ctx: FakeContext, u: FakeUser): { user: unknown } => ({
  user: userView(ctx.store, ctx.store.touch(u)),
});

const later = (ctx: FakeContext): string =>
  new Date(ctx.store.now().getTime() + ctx.config.gracePeriodDays * DAY_MS).toISOString();

const nullableStr = (value: unknown): string | null => str(value) ?? null;

/**
 * Applies a transition (account_status.go) and, as coordinator.go does after disable / valid-period changes
 * and schedules, ends every session when the account is disabled at that moment.
 */
const change = (
  ctx: FakeContext,
  u: FakeUser,
  t: status.Transition,
  terminate: 'if_disabled' | 'always' | 'never' = 'if_disabled',
): void => {
  const now = ctx.store.now().getTime();
  const target = t(status.statusOf(u), now);
  status.applyStatus(u, target);
  if (terminate === 'always' || (terminate === 'if_disabled' && status.isDisabledAt(target, now)))
    u.sessions = [];
};

const setStatus =
  (
    t: (input: Record<string, unknown>, u: FakeUser) => status.Transition,
    terminate: 'if_disabled' | 'always' | 'never' = 'if_disabled',
  ): RootField =>
  (args, ctx) => {
    const input = inputOf(args);
    const u = requireUser(ctx.store, input.userID);
    change(ctx, u, t(input, u), terminate);
    return userPayload(ctx, u);
  };

export const userStatusMutations: Record<string, RootField> = {
  /**
   * coordinator.go UserDisable/UserReenable: a window when either bound is given (both are then required),
   * otherwise indefinitely; the reason only counts when disabling.
   */
  setDisabledStatus: setStatus((input) => {
    if (input.isDisabled !== true) return status.reenable;
    const reason = nullableStr(input.reason);
    const from = nullableStr(input.temporarilyDisabledFrom);
    const until = nullableStr(input.temporarilyDisabledUntil);
    return from !== null || until !== null
      ? status.disableTemporarily(from, until, reason)
      : status.disableIndefinitely(reason);
  }),
  scheduleAccountDeletion: (args, ctx) => {
    const input = inputOf(args);
    const u = requireUser(ctx.store, input.userID);
    change(ctx, u, status.scheduleDeletionByAdmin(later(ctx), str(input.reason) ?? ''), 'always');
    return userPayload(ctx, u);
  },
  unscheduleAccountDeletion: setStatus(() => status.unscheduleDeletionByAdmin, 'never'),
  deleteUser: (args, ctx) => {
    const u = requireUser(ctx.store, inputOf(args).userID);
    ctx.store.removeUser(u.id);
    return { deletedUserID: encodeNodeId('User', u.id) };
  },
  scheduleAccountAnonymization: (args, ctx) => {
    const u = requireUser(ctx.store, inputOf(args).userID);
    if (u.isAnonymized) throw userIsAnonymized();
    change(ctx, u, status.scheduleAnonymizationByAdmin(later(ctx)), 'always');
    return userPayload(ctx, u);
  },
  unscheduleAccountAnonymization: (args, ctx) => {
    const u = requireUser(ctx.store, inputOf(args).userID);
    if (u.isAnonymized) throw userIsAnonymized();
    change(ctx, u, status.unscheduleAnonymizationByAdmin, 'never');
    return userPayload(ctx, u);
  },
  /** coordinator.go UserAnonymize: PII, identities, credentials, sessions, groups and roles go. */
  anonymizeUser: (args, ctx) => {
    const u = requireUser(ctx.store, inputOf(args).userID);
    if (u.isAnonymized) throw userIsAnonymized();
    change(ctx, u, status.anonymize, 'always');
    Object.assign(u, {
      standardAttributes: {},
      customAttributes: {},
      verifiedClaims: [],
      identities: [],
      authenticators: [],
      authorizations: [],
      passwordHistory: [],
    });
    u.groupIds.clear();
    u.roleIds.clear();
    ctx.store.touch(u);
    return { anonymizedUserID: encodeNodeId('User', u.id) };
  },
  resetAccountLockout: (args, ctx) => {
    const u = requireUser(ctx.store, inputOf(args).userID);
    u.accountLockout = unlockedAccount();
    return userPayload(ctx, u);
  },
  setAccountValidFrom: setStatus((input, u) =>
    status.setValidPeriod(nullableStr(input.accountValidFrom), u.accountValidUntil),
  ),
  setAccountValidUntil: setStatus((input, u) =>
    status.setValidPeriod(u.accountValidFrom, nullableStr(input.accountValidUntil)),
  ),
  setAccountValidPeriod: setStatus((input) =>
    status.setValidPeriod(nullableStr(input.accountValidFrom), nullableStr(input.accountValidUntil)),
  ),
  /** coordinator.go UserUpdateMFAEnrollment: not in the past, at most 90 days ahead. */
  setMFAGracePeriod: (args, ctx) => {
    const input = inputOf(args);
    const u = requireUser(ctx.store, input.userID);
    if (u.isAnonymized) throw userIsAnonymized();
    const endAt = nullableStr(input.endAt);
    const now = ctx.store.now().getTime();
    if (endAt !== null && (Date.parse(endAt) < now || Date.parse(endAt) > now + 90 * DAY_MS))
      throw mfaGracePeriodInvalid();
    u.mfaGracePeriodEndAt = endAt;
    return userPayload(ctx, u);
  },
  removeMFAGracePeriod: (args, ctx) => {
    const u = requireUser(ctx.store, inputOf(args).userID);
    if (u.isAnonymized) throw userIsAnonymized();
    u.mfaGracePeriodEndAt = null;
    return userPayload(ctx, u);
  },
};
