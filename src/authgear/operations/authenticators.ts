import {
  CreateAuthenticatorDocument,
  RemoveMFAGracePeriodDocument,
  SetMFAGracePeriodDocument,
} from '../documents/operations.generated.js';
import { defineOperation } from '../operation.js';

/** Second factors: the MFA enrollment grace period, and new authenticators (OOB OTP email/SMS, password). */

export const setMfaGracePeriod = defineOperation(SetMFAGracePeriodDocument);
export const removeMfaGracePeriod = defineOperation(RemoveMFAGracePeriodDocument);
export const createAuthenticator = defineOperation(CreateAuthenticatorDocument);
