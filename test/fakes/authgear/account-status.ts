/**
 * Account status transitions, after authgear-server `pkg/lib/authn/user/account_status.go`: the same status
 * types, the same allowed transitions, and `InvalidAccountStatusTransition` (with `from`/`to`) otherwise.
 */
import { invalidAccountStatusTransition } from './errors.js';
import type { FakeUser } from './model.js';

export type AccountStatusType =
  | 'normal'
  | 'disabled'
  | 'deactivated'
  | 'scheduled_deletion_disabled'
  | 'scheduled_deletion_deactivated'
  | 'anonymized'
  | 'scheduled_anonymization_disabled';

export const statusOf = (u: FakeUser): AccountStatusType => {
  if (!u.isDisabled) return 'normal';
  if (u.deleteAt !== null)
    return u.isDeactivated ? 'scheduled_deletion_deactivated' : 'scheduled_deletion_disabled';
  if (u.isAnonymized) return 'anonymized';
  if (u.anonymizeAt !== null) return 'scheduled_anonymization_disabled';
  if (u.isDeactivated) return 'deactivated';
  return 'disabled';
};

const clearDisable = (u: FakeUser): void => {
  u.disableReason = null;
  u.temporarilyDisabledFrom = null;
  u.temporarilyDisabledUntil = null;
};

const fail = (u: FakeUser, to: AccountStatusType): never => {
  throw invalidAccountStatusTransition(statusOf(u), to);
};

export interface DisableInput {
  reason: string | null;
  temporarilyDisabledFrom: string | null;
  temporarilyDisabledUntil: string | null;
}

export const disable = (u: FakeUser, input: DisableInput): void => {
  if (statusOf(u) !== 'normal') fail(u, 'disabled');
  u.isDisabled = true;
  u.isDeactivated = false;
  u.disableReason = input.reason;
  u.temporarilyDisabledFrom = input.temporarilyDisabledFrom;
  u.temporarilyDisabledUntil = input.temporarilyDisabledUntil;
  u.deleteAt = null;
  u.anonymizeAt = null;
};

export const reenable = (u: FakeUser): void => {
  if (statusOf(u) !== 'disabled') fail(u, 'normal');
  u.isDisabled = false;
  u.isDeactivated = false;
  clearDisable(u);
};

export const scheduleDeletion = (u: FakeUser, deleteAt: string, reason: string | null): void => {
  if (u.deleteAt !== null) fail(u, 'scheduled_deletion_disabled');
  u.isDisabled = true;
  u.isDeactivated = false;
  clearDisable(u);
  u.deleteAt = deleteAt;
  u.deleteReason = reason;
  u.anonymizeAt = null;
};

export const unscheduleDeletion = (u: FakeUser): void => {
  if (u.deleteAt === null) fail(u, u.isAnonymized ? 'anonymized' : 'normal');
  u.isDisabled = u.isAnonymized;
  u.isDeactivated = false;
  clearDisable(u);
  u.deleteAt = null;
  u.deleteReason = null;
  u.anonymizeAt = null;
};

export const scheduleAnonymization = (u: FakeUser, anonymizeAt: string): void => {
  if (u.anonymizeAt !== null) fail(u, 'scheduled_anonymization_disabled');
  u.isDisabled = true;
  u.isDeactivated = false;
  clearDisable(u);
  u.deleteAt = null;
  u.anonymizeAt = anonymizeAt;
};

export const unscheduleAnonymization = (u: FakeUser): void => {
  if (u.anonymizeAt === null) fail(u, 'normal');
  u.isDisabled = false;
  u.isDeactivated = false;
  clearDisable(u);
  u.anonymizeAt = null;
};

/** Anonymizes now: only from `normal`, as in Authgear; PII, identities, credentials and sessions go. */
export const anonymize = (u: FakeUser): void => {
  if (statusOf(u) !== 'normal') fail(u, 'anonymized');
  u.isDisabled = true;
  u.isDeactivated = false;
  u.isAnonymized = true;
  clearDisable(u);
  u.deleteAt = null;
  u.anonymizeAt = null;
  u.standardAttributes = {};
  u.customAttributes = {};
  u.verifiedClaims = [];
  u.identities = [];
  u.authenticators = [];
  u.sessions = [];
  u.authorizations = [];
};
