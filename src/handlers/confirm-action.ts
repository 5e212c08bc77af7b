import type { Services } from '../services.js';
import { onClick } from './click.js';

/**
 * Confirm: the stored confirmation is claimed once; then the right is checked again (fresh), the approval gate, the
 * one mutation, and the result to the requester only. A refusal before the claim (already done, running, expired,
 * not yours) arrives as a new message and leaves the one clicked as it is.
 */
export const onConfirmAction = (s: Services) =>
  onClick(s, 'confirm_action', async (c) =>
    s.pipeline.confirm({ clicker: c.user, value: c.value, reply: c.reply }),
  );
