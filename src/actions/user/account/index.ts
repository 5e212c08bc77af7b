import type { AnyActionDefinition } from '../../types.js';
import { anonymizeAction } from './anonymize.js';
import { anonymizeNowAction } from './anonymize-now.js';
import { cancelAnonymizeAction } from './cancel-anonymize.js';
import { cancelDeleteAction } from './cancel-delete.js';
import { cancelDisableAction } from './cancel-disable.js';
import { deleteAction } from './delete.js';
import { deleteNowAction } from './delete-now.js';
import { disableAction } from './disable.js';
import { enableAction } from './enable.js';
import { expirePasswordAction } from './expire-password.js';
import { mfaGraceAction } from './mfa-grace.js';
import { otpAction } from './otp.js';
import { resetPasswordAction } from './reset-password.js';
import { revokeSessionAction } from './revoke-session.js';
import { sendResetAction } from './send-reset.js';
import { signoutAction } from './signout.js';
import { unlockAction } from './unlock.js';
import { unverifyAction } from './unverify.js';
import { validFromAction, validPeriodAction, validUntilAction } from './valid-period.js';
import { verifyAction } from './verify.js';

/**
 * Account-state actions: disable/enable (and cancelling a scheduled disable), the valid period, passwords, OTP,
 * sessions, verification, deletion, anonymization.
 */
export const accountActions: readonly AnyActionDefinition[] = [
  disableAction,
  enableAction,
  cancelDisableAction,
  validPeriodAction,
  validFromAction,
  validUntilAction,
  unlockAction,
  resetPasswordAction,
  expirePasswordAction,
  sendResetAction,
  otpAction,
  signoutAction,
  revokeSessionAction,
  verifyAction,
  unverifyAction,
  deleteAction,
  cancelDeleteAction,
  deleteNowAction,
  anonymizeAction,
  cancelAnonymizeAction,
  anonymizeNowAction,
  mfaGraceAction,
];
