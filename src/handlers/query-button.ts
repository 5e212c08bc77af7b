import { ActionIds } from '../blocks/ids.js';
import { accessPageValue, searchPageValue, showUserValue } from '../blocks/payloads.js';
import { AppError } from '../errors.js';
import { queryForVerb } from '../queries/registry.js';
import { type QueryArgs, queryArgs, runQuery } from '../queries/run.js';
import type { ReadQuery } from '../queries/types.js';
import { searchPageQuery, userByIdQuery } from '../queries/users.js';
import type { Services } from '../services.js';
import { onClick } from './click.js';

/** A read-only button: its value (decoded by its codec) names a read and its arguments. */
export interface QueryButton {
  readonly actionId: string;
  resolve(s: Services, value: string | undefined): { readonly query: ReadQuery; readonly args: QueryArgs };
  /** Whether the answer replaces the message the button is on (paging) or comes as a new one (View). */
  readonly replaceOriginal: boolean;
}

/** Every read-only button. Each goes through runQuery, so the clicker's right is checked at every click. */
export const QUERY_BUTTONS: readonly QueryButton[] = [
  {
    actionId: ActionIds.showUser,
    replaceOriginal: false,
    resolve: (_s, value) => ({ query: userByIdQuery, args: queryArgs([showUserValue.decode(value)]) }),
  },
  {
    actionId: ActionIds.searchPage,
    replaceOriginal: true,
    resolve: (_s, value) => {
      const page = searchPageValue.decode(value);
      return { query: searchPageQuery, args: queryArgs([page.q, page.after], page.q) };
    },
  },
  {
    actionId: ActionIds.accessPage,
    replaceOriginal: true,
    resolve: (s, value) => {
      const page = accessPageValue.decode(value);
      const query = queryForVerb(s.queries, page.v);
      if (!query) throw new AppError('input.invalid', accessPageValue.stale);
      return { query, args: queryArgs(page.a) };
    },
  },
];

/** A click on a read-only button: decode, then runQuery (authorize, run), then answer. */
export const onQueryButton = (s: Services, button: QueryButton) =>
  onClick(s, button.actionId, async (c) => {
    const { query, args } = button.resolve(s, c.value);
    const message = await runQuery(s, await c.actor(), query, args, { channelId: c.channelId });
    await c.reply({ ...message, replaceOriginal: button.replaceOriginal });
  });
