import { infoMessage } from '../blocks/messages.js';
import type { Services } from '../services.js';
import { type BlockActionArgs, clicked } from './interaction.js';
import { guarded, replyVia } from './respond-error.js';

/** Cancel on a confirmation: nothing is sent to Authgear. */
export const onCancelAction =
  (s: Services) =>
  async (args: BlockActionArgs): Promise<void> => {
    await args.ack();
    const reply = replyVia(args.respond);
    await guarded(async () => reply(infoMessage('Cancelled. Nothing was changed.', true)), reply, s.logger, {
      handler: 'cancel_action',
      user: clicked(args).user.id,
    });
  };
