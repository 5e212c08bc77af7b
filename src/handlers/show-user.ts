import { showUserValue } from '../blocks/payloads.js';
import { requireRight } from '../permissions/denial.js';
import { userCardMessage } from '../queries/users.js';
import type { Services } from '../services.js';
import { onClick } from './click.js';
import { queryContext } from './query-context.js';

/** "View" on a search result or picker: the user card, if this person may view users. */
export const onShowUser = (s: Services) =>
  onClick(s, 'show_user', async (c) => {
    const actor = await c.actor();
    requireRight(actor, 'user.view', { channelId: c.channelId }, s.policy);
    const ctx = queryContext(s, actor);
    const user = await s.users.byNodeId(showUserValue.decode(c.value), ctx.auditContext);
    await c.reply({ ...userCardMessage(ctx, user), replaceOriginal: false });
  });
