import type { Services } from '../services.js';
import { type BlockActionArgs, clicked } from './interaction.js';
import { guarded, replyVia } from './respond-error.js';

/** Confirm: authorize again, approval gate, execute once, result to the requester only. */
export const onConfirmAction =
  (s: Services) =>
  async (args: BlockActionArgs): Promise<void> => {
    await args.ack();
    const c = clicked(args);
    const reply = replyVia(args.respond);
    await guarded(
      async () => {
        const actor = await s.actorOf(c.user);
        await s.pipeline.confirm({ actor, channelId: c.channelId, value: c.value, reply });
      },
      async (m) => reply({ ...m, replaceOriginal: true }),
      s.logger,
      { handler: 'confirm_action', user: c.user.id },
    );
  };
