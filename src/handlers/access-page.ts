import { z } from 'zod';
import { AppError } from '../errors.js';
import { authorize } from '../permissions/authorize.js';
import { queryForVerb } from '../queries/registry.js';
import type { Services } from '../services.js';
import { type BlockActionArgs, clicked, parseJsonValue } from './interaction.js';
import { queryContext } from './query-context.js';
import { guarded, replyVia } from './respond-error.js';

const pageValue = z.object({ v: z.enum(['groups', 'roles']), a: z.array(z.string().max(500)).max(30) });

/** "Next" on a group or role list: re-runs the list verb with the cursor, the permission checked again. */
export const onAccessPage =
  (s: Services) =>
  async (args: BlockActionArgs): Promise<void> => {
    await args.ack();
    const c = clicked(args);
    const reply = replyVia(args.respond);
    await guarded(
      async () => {
        const page = pageValue.safeParse(parseJsonValue(c.value));
        const query = page.success ? queryForVerb(s.queries, page.data.v) : undefined;
        if (!page.success || !query)
          throw new AppError('input.invalid', 'That page button is no longer valid. List again.');
        const actor = await s.actorOf(c.user);
        if (!authorize(actor, query.permission, { channelId: c.channelId }, s.policy).ok) {
          throw new AppError('permission.denied', "Your role doesn't allow that list.");
        }
        await reply(await query.run(queryContext(s, actor), page.data.a, page.data.a.join(' ')));
      },
      reply,
      s.logger,
      { handler: 'access_page', user: c.user.id },
    );
  };
