import {
  AnonymizeUserDocument,
  DeleteUserDocument,
  ResetAccountLockoutDocument,
  ScheduleAccountAnonymizationDocument,
  ScheduleAccountDeletionDocument,
  SetAccountValidFromDocument,
  SetAccountValidPeriodDocument,
  SetAccountValidUntilDocument,
  SetDisabledStatusDocument,
  UnscheduleAccountAnonymizationDocument,
  UnscheduleAccountDeletionDocument,
} from '../documents/operations.generated.js';
import { defineOperation } from '../operation.js';

/** Account-state mutations: disable/enable, the valid period, scheduled and immediate deletion/anonymization, lockout. */

export const setDisabledStatus = defineOperation(SetDisabledStatusDocument);
export const scheduleAccountDeletion = defineOperation(ScheduleAccountDeletionDocument);
export const unscheduleAccountDeletion = defineOperation(UnscheduleAccountDeletionDocument);
export const deleteUser = defineOperation(DeleteUserDocument);
export const scheduleAccountAnonymization = defineOperation(ScheduleAccountAnonymizationDocument);
export const unscheduleAccountAnonymization = defineOperation(UnscheduleAccountAnonymizationDocument);
export const anonymizeUser = defineOperation(AnonymizeUserDocument);
export const resetAccountLockout = defineOperation(ResetAccountLockoutDocument);
/** The account valid period (outside it the user reads `isDisabled: true`); null clears a bound. */
export const setAccountValidPeriod = defineOperation(SetAccountValidPeriodDocument);
export const setAccountValidFrom = defineOperation(SetAccountValidFromDocument);
export const setAccountValidUntil = defineOperation(SetAccountValidUntilDocument);
