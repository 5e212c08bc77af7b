import { randomBytes } from 'node:crypto';

/** A new confirmation ID, `cf_` + 128 random bits (matches `confirmationIdSchema`). */
export const newConfirmationId = (): string => `cf_${randomBytes(16).toString('base64url')}`;

/**
 * The ID of the one approval request a confirmation may open: derived from the confirmation, so however often its
 * Confirm arrives (a replay after a crash included) the store refuses a second request with the same ID.
 */
export const approvalIdFor = (confirmationId: string): string => `ap_${confirmationId.slice(3)}`;
