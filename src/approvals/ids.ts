/** Random identifiers for approvals: short, URL-safe, unguessable. */
import { randomBytes } from 'node:crypto';

/** A new approval ID such as `ap_Xk3v9QmZt2Lw` (72 random bits; matches `approvalIdSchema`). */
export const newApprovalId = (): string => `ap_${randomBytes(9).toString('base64url')}`;

/** A claim token naming the one executor of an approval (128 random bits). */
export const newClaimToken = (): string => randomBytes(16).toString('base64url');
