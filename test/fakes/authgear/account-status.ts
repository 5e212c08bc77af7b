/**
 * Account status, after authgear-server pkg/lib/authn/user/account_status.go: what is stored (an "indefinitely
 * disabled" flag, a temporary window, a valid period, schedules), `isDisabled` COMPUTED when read, the allowed
 * transitions (decided on the variant, which ignores the valid period), and `InvalidAccountStatusTransition`
 * with `{from, to}` or `{cause}`. Every function takes the reference time.
 */
import { invalidAccountStatusPeriod, invalidAccountStatusTransition } from './errors.js';
import type { FakeUser } from './model.js';

export interface AccountStatus {
  isIndefinitelyDisabled: boolean;
  isDeactivated: boolean;
  disableReason: string | null;
  temporarilyDisabledFrom: string | null;
  temporarilyDisabledUntil: string | null;
  accountValidFrom: string | null;
  accountValidUntil: string | null;
  deleteAt: string | null;
  deleteReason: string | null;
  anonymizeAt: string | null;
  isAnonymized: boolean;
}

export type Variant =
  | 'normal'
  | 'disabled'
  | 'disabled_temporarily'
  | 'scheduled_deletion_disabled'
  | 'scheduled_deletion_deactivated'
  | 'scheduled_anonymization_disabled';
export type StatusType = Variant | 'anonymized' | 'outside_valid_period';

const ms = (iso: string | null): number | undefined => (iso === null ? undefined : Date.parse(iso));

export const statusOf = (u: FakeUser): AccountStatus => ({
  isIndefinitelyDisabled: u.isIndefinitelyDisabled,
  isDeactivated: u.isDeactivated,
  disableReason: u.disableReason,
  temporarilyDisabledFrom: u.temporarilyDisabledFrom,
  temporarilyDisabledUntil: u.temporarilyDisabledUntil,
  accountValidFrom: u.accountValidFrom,
  accountValidUntil: u.accountValidUntil,
  deleteAt: u.deleteAt,
  deleteReason: u.deleteReason,
  anonymizeAt: u.anonymizeAt,
  isAnonymized: u.isAnonymized,
});

/** `variant()`: the disable state without the valid period; a temporary window counts only while it runs. */
export const variantOf = (s: AccountStatus, now: number): Variant => {
  if (!s.isIndefinitelyDisabled) {
    const from = ms(s.temporarilyDisabledFrom);
    const until = ms(s.temporarilyDisabledUntil);
    if (from !== undefined && until !== undefined && now >= from && now < until)
      return 'disabled_temporarily';
    return 'normal';
  }
  if (s.deleteAt !== null)
    return s.isDeactivated ? 'scheduled_deletion_deactivated' : 'scheduled_deletion_disabled';
  if (s.anonymizeAt !== null) return 'scheduled_anonymization_disabled';
  return 'disabled';
};

/** Before `accountValidFrom`, or at/after `accountValidUntil`. */
export const isOutsideValidPeriod = (s: AccountStatus, now: number): boolean => {
  const from = ms(s.accountValidFrom);
  const until = ms(s.accountValidUntil);
  return (from !== undefined && now < from) || (until !== undefined && now >= until);
};

/** `Check()` fails → the user reads `isDisabled: true` (so a window in the future reads false). */
export const isDisabledAt = (s: AccountStatus, now: number): boolean =>
  s.isAnonymized || isOutsideValidPeriod(s, now) || variantOf(s, now) !== 'normal';

const mostAppropriateType = (s: AccountStatus, now: number): StatusType => {
  if (s.isAnonymized) return 'anonymized';
  const variant = variantOf(s, now);
  if (variant !== 'normal') return variant;
  return isOutsideValidPeriod(s, now) ? 'outside_valid_period' : 'normal';
};

/** `normalizeOnChange` (also applied on read): a temporary window wholly in the past is dropped. */
export const normalized = (s: AccountStatus, now: number): AccountStatus => {
  const from = ms(s.temporarilyDisabledFrom);
  const until = ms(s.temporarilyDisabledUntil);
  return from !== undefined && until !== undefined && now > from && now > until
    ? { ...s, temporarilyDisabledFrom: null, temporarilyDisabledUntil: null }
    : s;
};

/** `checkAllTimestampsAreValid`, with the same causes. */
const checkTimestamps = (s: AccountStatus): void => {
  const validFrom = ms(s.accountValidFrom);
  const validUntil = ms(s.accountValidUntil);
  const from = ms(s.temporarilyDisabledFrom);
  const until = ms(s.temporarilyDisabledUntil);
  if (validFrom !== undefined && validUntil !== undefined && !(validFrom < validUntil))
    throw invalidAccountStatusPeriod('AccountValidFromShouldBeBeforeAccountValidUntil');
  if (from !== undefined && until === undefined)
    throw invalidAccountStatusPeriod('TemporarilyDisabledPeriodMissingUntilTimestamp');
  if (until !== undefined && from === undefined)
    throw invalidAccountStatusPeriod('TemporarilyDisabledPeriodMissingFromTimestamp');
  if (from !== undefined && until !== undefined) {
    if (!(from < until))
      throw invalidAccountStatusPeriod('TemporarilyDisabledFromShouldBeBeforeTemporarilyDisabledUntil');
    if (validFrom !== undefined && !(validFrom < from))
      throw invalidAccountStatusPeriod('AccountValidFromShouldBeBeforeTemporarilyDisabledFrom');
    if (validUntil !== undefined && !(until < validUntil))
      throw invalidAccountStatusPeriod('TemporarilyDisabledUntilShouldBeBeforeAccountValidUntil');
  }
};

const CLEARED = {
  isDeactivated: false,
  disableReason: null,
  temporarilyDisabledFrom: null,
  temporarilyDisabledUntil: null,
  deleteAt: null,
  deleteReason: null,
  anonymizeAt: null,
} as const;

export type Transition = (s: AccountStatus, now: number) => AccountStatus;

/** Builds a target, normalizes and checks it, then allows it only from the listed variants. */
const transition =
  (
    change: (s: AccountStatus, now: number) => Partial<AccountStatus>,
    allowedFrom: readonly Variant[] | 'any',
    options: { anonymizedAllowed?: boolean; toType?: 'variant' | 'most_appropriate' } = {},
  ): Transition =>
  (s, now) => {
    const target = normalized({ ...s, ...change(s, now) }, now);
    checkTimestamps(target);
    const to =
      options.toType === 'most_appropriate' ? mostAppropriateType(target, now) : variantOf(target, now);
    if (s.isAnonymized && options.anonymizedAllowed !== true)
      throw invalidAccountStatusTransition('anonymized', to);
    const from = variantOf(s, now);
    if (allowedFrom !== 'any' && !allowedFrom.includes(from))
      throw invalidAccountStatusTransition(mostAppropriateType(s, now), to);
    return target;
  };

export const reenable = transition(
  () => ({ ...CLEARED, isIndefinitelyDisabled: false }),
  ['disabled', 'disabled_temporarily'],
);

export const disableIndefinitely = (reason: string | null): Transition =>
  transition(
    () => ({ ...CLEARED, isIndefinitelyDisabled: true, disableReason: reason }),
    ['normal', 'disabled_temporarily'],
  );

export const disableTemporarily = (
  from: string | null,
  until: string | null,
  reason: string | null,
): Transition =>
  transition(
    () => ({
      ...CLEARED,
      isIndefinitelyDisabled: false,
      disableReason: reason,
      temporarilyDisabledFrom: from,
      temporarilyDisabledUntil: until,
    }),
    ['normal', 'disabled', 'disabled_temporarily'],
  );

/** The valid period can be set whatever the variant (only an anonymized user is refused). */
export const setValidPeriod = (from: string | null, until: string | null): Transition =>
  transition(() => ({ accountValidFrom: from, accountValidUntil: until }), 'any', {
    toType: 'most_appropriate',
  });

export const scheduleDeletionByAdmin =
  (deleteAt: string, reason: string): Transition =>
  (s, now) => {
    const t = transition(
      () => ({ ...CLEARED, isIndefinitelyDisabled: true, deleteAt, deleteReason: reason }),
      'any',
      { anonymizedAllowed: true },
    )(s, now);
    const from = variantOf(s, now);
    if (from === 'scheduled_deletion_disabled' || from === 'scheduled_deletion_deactivated')
      throw invalidAccountStatusTransition(mostAppropriateType(s, now), variantOf(t, now));
    return t;
  };

export const unscheduleDeletionByAdmin: Transition = (s, now) => {
  const target = normalized({ ...s, ...CLEARED, isIndefinitelyDisabled: s.isAnonymized }, now);
  checkTimestamps(target);
  if (s.isAnonymized && s.deleteAt === null) throw invalidAccountStatusTransition('anonymized', 'anonymized');
  const from = variantOf(s, now);
  if (from !== 'scheduled_deletion_disabled' && from !== 'scheduled_deletion_deactivated')
    throw invalidAccountStatusTransition(mostAppropriateType(s, now), variantOf(target, now));
  return target;
};

export const scheduleAnonymizationByAdmin = (anonymizeAt: string): Transition =>
  transition(
    () => ({ ...CLEARED, isIndefinitelyDisabled: true, anonymizeAt }),
    [
      'normal',
      'disabled',
      'disabled_temporarily',
      'scheduled_deletion_disabled',
      'scheduled_deletion_deactivated',
    ],
  );

export const unscheduleAnonymizationByAdmin = transition(
  () => ({ ...CLEARED, isIndefinitelyDisabled: false }),
  ['scheduled_anonymization_disabled'],
);

/** `Anonymize()`: from any variant of a user not yet anonymized; `deleteAt` is kept. */
export const anonymize: Transition = (s, now) => {
  const target = normalized(
    {
      ...s,
      ...CLEARED,
      deleteAt: s.deleteAt,
      deleteReason: s.deleteReason,
      isIndefinitelyDisabled: true,
      isAnonymized: true,
    },
    now,
  );
  if (s.isAnonymized) throw invalidAccountStatusTransition('anonymized', 'anonymized');
  return target;
};

/** Writes a status back onto the user record. */
export const applyStatus = (u: FakeUser, s: AccountStatus): void => {
  Object.assign(u, s);
};
