/** Mutations on a user's account status, validity window, lockout and MFA grace period. */
import * as status from './account-status.js';
import { type FakeContext, inputOf, type RootField, str } from './context.js';
import { invalidAccountStatusPeriod, mfaGracePeriodInvalid, userIsAnonymized } from './errors.js';
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
  new Date(ctx.store.now().getTime() + ctx.gracePeriodDays * DAY_MS).toISOString();

const nullableStr = (value: unknown): string | null => str(value) ?? null;

const checkTemporaryWindow = (from: string | null, until: string | null): void => {
  if (from !== null && until === null)
    throw invalidAccountStatusPeriod('TemporarilyDisabledPeriodMissingUntilTimestamp');
  if (from === null && until !== null)
    throw invalidAccountStatusPeriod('TemporarilyDisabledPeriodMissingFromTimestamp');
  if (from !== null && until !== null && Date.parse(from) >= Date.parse(until)) {
    throw invalidAccountStatusPeriod('TemporarilyDisabledFromShouldBeBeforeTemporarilyDisabledUntil');
  }
};

const setValidity = (u: FakeUser, from: string | null, until: string | null): void => {
  if (from !== null && until !== null && Date.parse(from) >= Date.parse(until)) {
    throw invalidAccountStatusPeriod('AccountValidFromShouldBeBeforeAccountValidUntil');
  }
  u.accountValidFrom = from;
  u.accountValidUntil = until;
};

export const userStatusMutations: Record<string, RootField> = {
  setDisabledStatus: (args, ctx) => {
    const input = inputOf(args);
    const u = requireUser(ctx.store, input.userID);
    if (input.isDisabled === true) {
      const from = nullableStr(input.temporarilyDisabledFrom);
      const until = nullableStr(input.temporarilyDisabledUntil);
      checkTemporaryWindow(from, until);
      status.disable(u, {
        reason: nullableStr(input.reason),
        temporarilyDisabledFrom: from,
        temporarilyDisabledUntil: until,
      });
    } else {
      status.reenable(u);
    }
    return userPayload(ctx, u);
  },
  scheduleAccountDeletion: (args, ctx) => {
    const input = inputOf(args);
    const u = requireUser(ctx.store, input.userID);
    status.scheduleDeletion(u, later(ctx), nullableStr(input.reason));
    return userPayload(ctx, u);
  },
  unscheduleAccountDeletion: (args, ctx) => {
    const u = requireUser(ctx.store, inputOf(args).userID);
    status.unscheduleDeletion(u);
    return userPayload(ctx, u);
  },
  deleteUser: (args, ctx) => {
    const u = requireUser(ctx.store, inputOf(args).userID);
    ctx.store.removeUser(u.id);
    return { deletedUserID: encodeNodeId('User', u.id) };
  },
  scheduleAccountAnonymization: (args, ctx) => {
    const u = requireUser(ctx.store, inputOf(args).userID);
    status.scheduleAnonymization(u, later(ctx));
    return userPayload(ctx, u);
  },
  unscheduleAccountAnonymization: (args, ctx) => {
    const u = requireUser(ctx.store, inputOf(args).userID);
    status.unscheduleAnonymization(u);
    return userPayload(ctx, u);
  },
  anonymizeUser: (args, ctx) => {
    const u = requireUser(ctx.store, inputOf(args).userID);
    status.anonymize(u);
    ctx.store.touch(u);
    return { anonymizedUserID: encodeNodeId('User', u.id) };
  },
  resetAccountLockout: (args, ctx) => {
    const u = requireUser(ctx.store, inputOf(args).userID);
    u.accountLockout = unlockedAccount();
    return userPayload(ctx, u);
  },
  setAccountValidFrom: (args, ctx) => {
    const input = inputOf(args);
    const u = requireUser(ctx.store, input.userID);
    setValidity(u, nullableStr(input.accountValidFrom), u.accountValidUntil);
    return userPayload(ctx, u);
  },
  setAccountValidUntil: (args, ctx) => {
    const input = inputOf(args);
    const u = requireUser(ctx.store, input.userID);
    setValidity(u, u.accountValidFrom, nullableStr(input.accountValidUntil));
    return userPayload(ctx, u);
  },
  setAccountValidPeriod: (args, ctx) => {
    const input = inputOf(args);
    const u = requireUser(ctx.store, input.userID);
    setValidity(u, nullableStr(input.accountValidFrom), nullableStr(input.accountValidUntil));
    return userPayload(ctx, u);
  },
  /** coordinator.go UserUpdateMFAEnrollment: not in the past, at most 90 days ahead; never on an anonymized user. */
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
