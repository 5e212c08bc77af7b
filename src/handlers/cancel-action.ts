import type { Services } from '../services.js';
import { onClick } from './click.js';

/** Cancel on a confirmation: the stored confirmation is voided (a later Confirm runs nothing); nothing is sent to Authgear. */
export const onCancelAction = (s: Services) =>
  onClick(s, 'cancel_action', (c) => s.pipeline.cancel({ clicker: c.user, value: c.value, reply: c.reply }));
