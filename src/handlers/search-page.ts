import { z } from 'zod';
import { AppError } from '../errors.js';
import { authorize } from '../permissions/authorize.js';
import { runSearch } from '../queries/users.js';
import type { Services } from '../services.js';
import { type BlockActionArgs, clicked, parseJsonValue } from './interaction.js';
import { queryContext } from './query-context.js';
import { guarded, replyVia } from './respond-error.js';

const pageValue = z.object({ q: z.string().min(1).max(200), after: z.string().min(1).max(1000) });

/** "Next page" on search results: the permission is checked again at the click. */
export const onSearchPage =
  (s: Services) =>
  async (args: BlockActionArgs): Promise<void> => {
    await args.ack();
    const c = clicked(args);
    const reply = replyVia(args.respond);
    await guarded(
      async () => {
        const actor = await s.actorOf(c.user);
        if (!authorize(actor, 'user.search', { channelId: c.channelId }, s.policy).ok) {
          throw new AppError('permission.denied', "Your role doesn't allow searching users.");
        }
        const page = pageValue.safeParse(parseJsonValue(c.value));
        if (!page.success)
          throw new AppError('input.invalid', 'That page button is no longer valid. Search again.');
        await reply(await runSearch(queryContext(s, actor), page.data.q, page.data.after));
      },
      reply,
      s.logger,
      { handler: 'search_page', user: c.user.id },
    );
  };
