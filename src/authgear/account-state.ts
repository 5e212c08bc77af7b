/**
 * How an account stands, read the way Authgear computes it (pkg/lib/authn/user/account_status.go) and the
 * Portal shows it (portal/src/graphql/adminapi/UserDetailsAccountStatus.tsx). `isDisabled` alone cannot tell a
 * disabled account from one outside its valid period, or from a running temporary window; this can. Pure.
 */
import type { AuthgearUser } from './operations/user-fields.js';

type User = Pick<
  AuthgearUser,
  | 'isDisabled'
  | 'isAnonymized'
  | 'deleteAt'
  | 'anonymizeAt'
  | 'accountValidFrom'
  | 'accountValidUntil'
  | 'temporarilyDisabledFrom'
  | 'temporarilyDisabledUntil'
  | 'disableReason'
>;

export type AccountState =
  | { readonly kind: 'anonymized' }
  | { readonly kind: 'scheduled_deletion'; readonly at: string }
  | { readonly kind: 'scheduled_anonymization'; readonly at: string }
  /** Before accountValidFrom: Authgear reads the user as disabled, and re-enabling fails. */
  | { readonly kind: 'not_yet_valid'; readonly from: string }
  /** At or after accountValidUntil: likewise. */
  | { readonly kind: 'expired'; readonly until: string }
  | { readonly kind: 'temporarily_disabled'; readonly until: string }
  | { readonly kind: 'disabled' }
  | { readonly kind: 'active' };

const ms = (iso: string | null | undefined): number | undefined => {
  if (iso == null) return undefined;
  const t = Date.parse(iso);
  return Number.isNaN(t) ? undefined : t;
};

/** The one state that decides what can be done, in the Portal's order of precedence. */
export const accountState = (u: User, now: Date): AccountState => {
  const t = now.getTime();
  if (u.deleteAt) return { kind: 'scheduled_deletion', at: u.deleteAt };
  if (u.isAnonymized) return { kind: 'anonymized' };
  if (u.anonymizeAt) return { kind: 'scheduled_anonymization', at: u.anonymizeAt };
  const from = ms(u.accountValidFrom);
  const until = ms(u.accountValidUntil);
  if (u.accountValidFrom && from !== undefined && t < from)
    return { kind: 'not_yet_valid', from: u.accountValidFrom };
  if (u.accountValidUntil && until !== undefined && t >= until)
    return { kind: 'expired', until: u.accountValidUntil };
  if (u.isDisabled) {
    const window = runningWindow(u, now);
    return window ? { kind: 'temporarily_disabled', until: window.until } : { kind: 'disabled' };
  }
  return { kind: 'active' };
};

interface Window {
  readonly from: string;
  readonly until: string;
}

const windowOf = (u: User): Window | undefined =>
  u.temporarilyDisabledFrom && u.temporarilyDisabledUntil
    ? { from: u.temporarilyDisabledFrom, until: u.temporarilyDisabledUntil }
    : undefined;

/** A temporary disable window that is running now. */
export const runningWindow = (u: User, now: Date): Window | undefined => {
  const w = windowOf(u);
  const from = ms(w?.from);
  const until = ms(w?.until);
  return w && from !== undefined && until !== undefined && now.getTime() >= from && now.getTime() < until
    ? w
    : undefined;
};

/** A temporary disable window that has not started: Authgear reads the user as NOT disabled until it does. */
export const scheduledWindow = (u: User, now: Date): Window | undefined => {
  const w = windowOf(u);
  const from = ms(w?.from);
  return w && from !== undefined && now.getTime() < from ? w : undefined;
};

export const isOutsideValidPeriod = (s: AccountState): boolean =>
  s.kind === 'not_yet_valid' || s.kind === 'expired';

/** Whether Authgear's re-enable (setDisabledStatus false) can apply: only a disable, not the valid period. */
export const canEnable = (s: AccountState): boolean =>
  s.kind === 'disabled' || s.kind === 'temporarily_disabled';
