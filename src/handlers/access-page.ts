import { z } from 'zod';
import { AppError } from '../errors.js';
import { requireRight } from '../permissions/denial.js';
import { queryForVerb } from '../queries/registry.js';
import type { Services } from '../services.js';
import { onClick } from './click.js';
import { parseJsonValue } from './interaction.js';
import { queryContext } from './query-context.js';

const pageValue = z.object({
  v: z.enum(['groups', 'roles', 'group', 'role']),
  a: z.array(z.string().max(500)).max(30),
});

/** "Next" on a group/role list or "More members" on a card: re-runs the verb with the cursor, re-authorized. */
export const onAccessPage = (s: Services) =>
  onClick(s, 'access_page', async (c) => {
    const page = pageValue.safeParse(parseJsonValue(c.value));
    const query = page.success ? queryForVerb(s.queries, page.data.v) : undefined;
    if (!page.success || !query)
      throw new AppError('input.invalid', 'That page button is no longer valid. List again.');
    const actor = await c.actor();
    requireRight(actor, query.permission, { channelId: c.channelId }, s.policy);
    await c.reply(await query.run(queryContext(s, actor), page.data.a, page.data.a.join(' ')));
  });
