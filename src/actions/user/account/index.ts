import type { AnyActionDefinition } from '../../types.js';

/** Account-state actions: disable/enable, passwords, OTP, sessions, verification, deletion, anonymization. */
export const accountActions: readonly AnyActionDefinition[] = [];
