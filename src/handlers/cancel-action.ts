import { infoMessage } from '../blocks/messages.js';
import type { Services } from '../services.js';
import { onClick } from './click.js';

/** Cancel on a confirmation: nothing is sent to Authgear. */
export const onCancelAction = (s: Services) =>
  onClick(s, 'cancel_action', (c) => c.reply(infoMessage('Cancelled. Nothing was changed.', true)));
