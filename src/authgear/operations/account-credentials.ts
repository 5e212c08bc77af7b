import {
  GenerateOOBOTPCodeDocument,
  type OTPPurpose,
  ResetPasswordDocument,
  SendResetPasswordMessageDocument,
  SetPasswordExpiredDocument,
  SetVerifiedStatusDocument,
} from '../documents/operations.generated.js';
import { defineOperation } from '../operation.js';

/** Password, one-time-code and verification mutations on one user. */

/** `password` omitted with `sendPassword: true`: Authgear generates the password and sends it to the user. */
export const resetPassword = defineOperation(ResetPasswordDocument);
export const setPasswordExpired = defineOperation(SetPasswordExpiredDocument);
export const sendResetPasswordMessage = defineOperation(SendResetPasswordMessageDocument);

export type OtpPurpose = OTPPurpose;
export const generateOOBOTPCode = defineOperation(GenerateOOBOTPCodeDocument);

export type VerifiableClaim = 'email' | 'phone_number';
export const setVerifiedStatus = defineOperation(SetVerifiedStatusDocument);
