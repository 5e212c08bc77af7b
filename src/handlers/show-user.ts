import { AppError } from '../errors.js';
import { authorize } from '../permissions/authorize.js';
import { userCardMessage } from '../queries/users.js';
import type { Services } from '../services.js';
import { type BlockActionArgs, clicked } from './interaction.js';
import { queryContext } from './query-context.js';
import { guarded, replyVia } from './respond-error.js';

/** "View" on a search result or picker: the user card, if this person may view users. */
export const onShowUser =
  (s: Services) =>
  async (args: BlockActionArgs): Promise<void> => {
    await args.ack();
    const c = clicked(args);
    const reply = replyVia(args.respond);
    await guarded(
      async () => {
        const actor = await s.actorOf(c.user);
        if (!authorize(actor, 'user.view', { channelId: c.channelId }, s.policy).ok) {
          throw new AppError('permission.denied', "Your role doesn't allow viewing users.");
        }
        const ctx = queryContext(s, actor);
        const user = await s.users.byNodeId(c.value ?? '', ctx.auditContext);
        await reply({ ...userCardMessage(ctx, user), replaceOriginal: false });
      },
      reply,
      s.logger,
      { handler: 'show_user', user: c.user.id },
    );
  };
