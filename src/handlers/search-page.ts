import { z } from 'zod';
import { AppError } from '../errors.js';
import { requireRight } from '../permissions/denial.js';
import { runSearch } from '../queries/users.js';
import type { Services } from '../services.js';
import { onClick } from './click.js';
import { parseJsonValue } from './interaction.js';
import { queryContext } from './query-context.js';

const pageValue = z.object({ q: z.string().min(1).max(200), after: z.string().min(1).max(1000) });

/** "Next page" on search results: the permission is checked again at the click. */
export const onSearchPage = (s: Services) =>
  onClick(s, 'search_page', async (c) => {
    const actor = await c.actor();
    requireRight(actor, 'user.search', { channelId: c.channelId }, s.policy);
    const page = pageValue.safeParse(parseJsonValue(c.value));
    if (!page.success)
      throw new AppError('input.invalid', 'That page button is no longer valid. Search again.');
    await c.reply(await runSearch(queryContext(s, actor), page.data.q, page.data.after));
  });
