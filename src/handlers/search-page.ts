import { searchPageValue } from '../blocks/payloads.js';
import { requireRight } from '../permissions/denial.js';
import { runSearch } from '../queries/users.js';
import type { Services } from '../services.js';
import { onClick } from './click.js';
import { queryContext } from './query-context.js';

/** "Next page" on search results: the permission is checked again at the click. */
export const onSearchPage = (s: Services) =>
  onClick(s, 'search_page', async (c) => {
    const actor = await c.actor();
    requireRight(actor, 'user.search', { channelId: c.channelId }, s.policy);
    const page = searchPageValue.decode(c.value);
    await c.reply(await runSearch(queryContext(s, actor), page.q, page.after));
  });
