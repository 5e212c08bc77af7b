import type { Services } from '../services.js';
import { onClick } from './click.js';

/** Confirm: authorize again, approval gate, execute once, result to the requester only. */
export const onConfirmAction = (s: Services) =>
  onClick(
    s,
    'confirm_action',
    async (c) =>
      s.pipeline.confirm({ actor: await c.actor(), channelId: c.channelId, value: c.value, reply: c.reply }),
    { replaceOnError: true },
  );
