import { z } from 'zod';
import { defineOperation } from '../operation.js';
import { type UserPayload, userPayload } from './account.js';

/** Password, one-time-code and verification mutations on one user. */

export interface ResetPasswordVariables {
  userID: string;
  /** Omitted with `sendPassword: true`: Authgear generates the password and sends it to the user. */
  password?: string;
  sendPassword?: boolean;
  setPasswordExpired?: boolean;
}

export const resetPassword = defineOperation<ResetPasswordVariables, UserPayload<'resetPassword'>>(
  'ResetPassword',
  /* GraphQL */ `
    mutation ResetPassword($userID: ID!, $password: String, $sendPassword: Boolean, $setPasswordExpired: Boolean) {
      resetPassword(
        input: {
          userID: $userID
          password: $password
          sendPassword: $sendPassword
          setPasswordExpired: $setPasswordExpired
        }
      ) { user { id } }
    }
  `,
  userPayload('resetPassword'),
);

export const setPasswordExpired = defineOperation<
  { userID: string; expired: boolean },
  UserPayload<'setPasswordExpired'>
>(
  'SetPasswordExpired',
  /* GraphQL */ `
    mutation SetPasswordExpired($userID: ID!, $expired: Boolean!) {
      setPasswordExpired(input: { userID: $userID, expired: $expired }) { user { id } }
    }
  `,
  userPayload('setPasswordExpired'),
);

export const sendResetPasswordMessage = defineOperation<
  { loginID: string },
  { sendResetPasswordMessage?: boolean | null }
>(
  'SendResetPasswordMessage',
  /* GraphQL */ `
    mutation SendResetPasswordMessage($loginID: ID!) {
      sendResetPasswordMessage(input: { loginID: $loginID })
    }
  `,
  z.object({ sendResetPasswordMessage: z.boolean().nullish() }),
);

export type OtpPurpose = 'LOGIN' | 'VERIFICATION';

export const generateOOBOTPCode = defineOperation<
  { target: string; purpose: OtpPurpose },
  { generateOOBOTPCode: { code: string } }
>(
  'GenerateOOBOTPCode',
  /* GraphQL */ `
    mutation GenerateOOBOTPCode($target: String!, $purpose: OTPPurpose) {
      generateOOBOTPCode(input: { target: $target, purpose: $purpose }) { code }
    }
  `,
  z.object({ generateOOBOTPCode: z.object({ code: z.string() }) }),
);

export type VerifiableClaim = 'email' | 'phone_number';

export const setVerifiedStatus = defineOperation<
  { userID: string; claimName: VerifiableClaim; claimValue: string; isVerified: boolean },
  UserPayload<'setVerifiedStatus'>
>(
  'SetVerifiedStatus',
  /* GraphQL */ `
    mutation SetVerifiedStatus($userID: ID!, $claimName: String!, $claimValue: String!, $isVerified: Boolean!) {
      setVerifiedStatus(
        input: { userID: $userID, claimName: $claimName, claimValue: $claimValue, isVerified: $isVerified }
      ) { user { id } }
    }
  `,
  userPayload('setVerifiedStatus'),
);
