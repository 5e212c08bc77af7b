import { accessPageValue } from '../blocks/payloads.js';
import { AppError } from '../errors.js';
import { requireRight } from '../permissions/denial.js';
import { queryForVerb } from '../queries/registry.js';
import type { Services } from '../services.js';
import { onClick } from './click.js';
import { queryContext } from './query-context.js';

/** "Next" on a group or role list: re-runs the list verb with the cursor, the permission checked again. */
export const onAccessPage = (s: Services) =>
  onClick(s, 'access_page', async (c) => {
    const page = accessPageValue.decode(c.value);
    const query = queryForVerb(s.queries, page.v);
    if (!query) throw new AppError('input.invalid', accessPageValue.stale);
    const actor = await c.actor();
    requireRight(actor, query.permission, { channelId: c.channelId }, s.policy);
    await c.reply(await query.run(queryContext(s, actor), page.a, page.a.join(' ')));
  });
