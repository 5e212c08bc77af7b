import { z } from 'zod';
import { defineOperation } from '../operation.js';

/** Account-state mutations: disable/enable, scheduled and immediate deletion/anonymization, lockout. */

const changedUser = z.object({ user: z.object({ id: z.string() }) });
/** `{ <field>: { user { id } } }`: the payload most account mutations answer with. */
export const userPayload = <F extends string>(field: F) =>
  z.object({ [field]: changedUser } as Record<F, typeof changedUser>);
export type UserPayload<F extends string> = { [K in F]: { user: { id: string } } };

export interface SetDisabledStatusVariables {
  userID: string;
  isDisabled: boolean;
  reason?: string | null;
  temporarilyDisabledFrom?: string | null;
  temporarilyDisabledUntil?: string | null;
}

export const setDisabledStatus = defineOperation<
  SetDisabledStatusVariables,
  UserPayload<'setDisabledStatus'>
>(
  'SetDisabledStatus',
  /* GraphQL */ `
    mutation SetDisabledStatus(
      $userID: ID!
      $isDisabled: Boolean!
      $reason: String
      $temporarilyDisabledFrom: DateTime
      $temporarilyDisabledUntil: DateTime
    ) {
      setDisabledStatus(
        input: {
          userID: $userID
          isDisabled: $isDisabled
          reason: $reason
          temporarilyDisabledFrom: $temporarilyDisabledFrom
          temporarilyDisabledUntil: $temporarilyDisabledUntil
        }
      ) { user { id } }
    }
  `,
  userPayload('setDisabledStatus'),
);

export const scheduleAccountDeletion = defineOperation<
  { userID: string; reason?: string | null },
  UserPayload<'scheduleAccountDeletion'>
>(
  'ScheduleAccountDeletion',
  /* GraphQL */ `
    mutation ScheduleAccountDeletion($userID: ID!, $reason: String) {
      scheduleAccountDeletion(input: { userID: $userID, reason: $reason }) { user { id } }
    }
  `,
  userPayload('scheduleAccountDeletion'),
);

export const unscheduleAccountDeletion = defineOperation<
  { userID: string },
  UserPayload<'unscheduleAccountDeletion'>
>(
  'UnscheduleAccountDeletion',
  /* GraphQL */ `
    mutation UnscheduleAccountDeletion($userID: ID!) {
      unscheduleAccountDeletion(input: { userID: $userID }) { user { id } }
    }
  `,
  userPayload('unscheduleAccountDeletion'),
);

export const deleteUser = defineOperation<
  { userID: string; reason?: string | null },
  { deleteUser: { deletedUserID: string } }
>(
  'DeleteUser',
  /* GraphQL */ `
    mutation DeleteUser($userID: ID!, $reason: String) {
      deleteUser(input: { userID: $userID, reason: $reason }) { deletedUserID }
    }
  `,
  z.object({ deleteUser: z.object({ deletedUserID: z.string() }) }),
);

export const scheduleAccountAnonymization = defineOperation<
  { userID: string },
  UserPayload<'scheduleAccountAnonymization'>
>(
  'ScheduleAccountAnonymization',
  /* GraphQL */ `
    mutation ScheduleAccountAnonymization($userID: ID!) {
      scheduleAccountAnonymization(input: { userID: $userID }) { user { id } }
    }
  `,
  userPayload('scheduleAccountAnonymization'),
);

export const unscheduleAccountAnonymization = defineOperation<
  { userID: string },
  UserPayload<'unscheduleAccountAnonymization'>
>(
  'UnscheduleAccountAnonymization',
  /* GraphQL */ `
    mutation UnscheduleAccountAnonymization($userID: ID!) {
      unscheduleAccountAnonymization(input: { userID: $userID }) { user { id } }
    }
  `,
  userPayload('unscheduleAccountAnonymization'),
);

export const anonymizeUser = defineOperation<
  { userID: string },
  { anonymizeUser: { anonymizedUserID: string } }
>(
  'AnonymizeUser',
  /* GraphQL */ `
    mutation AnonymizeUser($userID: ID!) {
      anonymizeUser(input: { userID: $userID }) { anonymizedUserID }
    }
  `,
  z.object({ anonymizeUser: z.object({ anonymizedUserID: z.string() }) }),
);

export const resetAccountLockout = defineOperation<{ userID: string }, UserPayload<'resetAccountLockout'>>(
  'ResetAccountLockout',
  /* GraphQL */ `
    mutation ResetAccountLockout($userID: ID!) {
      resetAccountLockout(input: { userID: $userID }) { user { id } }
    }
  `,
  userPayload('resetAccountLockout'),
);

/** The account valid period (outside it the user reads `isDisabled: true`); null clears a bound. */
export const setAccountValidPeriod = defineOperation<
  { userID: string; accountValidFrom: string | null; accountValidUntil: string | null },
  UserPayload<'setAccountValidPeriod'>
>(
  'SetAccountValidPeriod',
  /* GraphQL */ `
    mutation SetAccountValidPeriod($userID: ID!, $accountValidFrom: DateTime, $accountValidUntil: DateTime) {
      setAccountValidPeriod(
        input: { userID: $userID, accountValidFrom: $accountValidFrom, accountValidUntil: $accountValidUntil }
      ) { user { id } }
    }
  `,
  userPayload('setAccountValidPeriod'),
);

export const setAccountValidFrom = defineOperation<
  { userID: string; accountValidFrom: string | null },
  UserPayload<'setAccountValidFrom'>
>(
  'SetAccountValidFrom',
  /* GraphQL */ `
    mutation SetAccountValidFrom($userID: ID!, $accountValidFrom: DateTime) {
      setAccountValidFrom(input: { userID: $userID, accountValidFrom: $accountValidFrom }) { user { id } }
    }
  `,
  userPayload('setAccountValidFrom'),
);

export const setAccountValidUntil = defineOperation<
  { userID: string; accountValidUntil: string | null },
  UserPayload<'setAccountValidUntil'>
>(
  'SetAccountValidUntil',
  /* GraphQL */ `
    mutation SetAccountValidUntil($userID: ID!, $accountValidUntil: DateTime) {
      setAccountValidUntil(input: { userID: $userID, accountValidUntil: $accountValidUntil }) { user { id } }
    }
  `,
  userPayload('setAccountValidUntil'),
);
