import type { Actor } from '../permissions/authorize.js';
import type { Services } from '../services.js';
import type { Reply } from '../slack/reply.js';
import { type BlockActionArgs, clicked } from './interaction.js';
import { guarded, replyFor } from './respond-error.js';

export interface Click extends ReturnType<typeof clicked> {
  readonly args: BlockActionArgs;
  readonly reply: Reply;
  /** The clicker as the policy sees them, resolved now (never from the button). */
  actor(): Promise<Actor>;
}

/**
 * A button handler: ack at once, then do the work; any failure reaches the clicker as a kind ephemeral message
 * (replacing the clicked message when `replaceOnError`).
 */
export const onClick =
  (
    s: Services,
    name: string,
    work: (click: Click) => Promise<void>,
    options: { replaceOnError?: boolean } = {},
  ) =>
  async (args: BlockActionArgs): Promise<void> => {
    await args.ack();
    const c = clicked(args);
    const reply = replyFor(s, args.client, {
      userId: c.user.id,
      responseUrl: c.responseUrl,
      sourceStored: c.sourceStored,
    });
    const onError: Reply = options.replaceOnError ? (m) => reply({ ...m, replaceOriginal: true }) : reply;
    await guarded(() => work({ ...c, args, reply, actor: () => s.actorOf(c.user) }), onError, s.logger, {
      handler: name,
      user: c.user.id,
    });
  };
