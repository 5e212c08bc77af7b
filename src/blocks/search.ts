import type { ActionKey } from '../actions/keys.js';
import { textAttr } from '../authgear/attributes.js';
import type { AuthgearUser } from '../authgear/operations/user-fields.js';
import type { SearchUsersData } from '../authgear/operations/users.js';
import { ActionIds, BlockIds } from './ids.js';
import { searchPageValue, showUserValue, startButton } from './payloads.js';
import { type Block, button, capBlocks, codeSpan, context, safe, section, slackDate } from './primitives.js';
import { displayName } from './user-card.js';

type SearchNode = NonNullable<NonNullable<NonNullable<SearchUsersData['users']>['edges']>[number]>['node'];

const viewButton = (userNodeId: string) =>
  button('View', ActionIds.showUser, showUserValue.encode(userNodeId));

const row = (n: NonNullable<SearchNode>): Block => {
  const a = n.standardAttributes;
  const title = displayName(n);
  const extra = [textAttr(a.email), textAttr(a.phone_number), n.isDisabled ? 'disabled' : undefined].filter(
    Boolean,
  ) as string[];
  return section(
    `*${safe(title, 200)}*${extra.length ? `\n${extra.map((e) => safe(e, 200)).join(' · ')}` : ''}\nLast login: ${slackDate(n.lastLoginAt)}`,
    viewButton(n.id),
  );
};

/** Search results with a Next button carrying the keyword and cursor (re-checked at the click). */
export const searchResults = (keyword: string, data: SearchUsersData, pageSize: number): Block[] => {
  const edges = (data.users?.edges ?? []).flatMap((e) => (e?.node ? [e.node] : []));
  if (edges.length === 0) return [section(`No Authgear user matches *${safe(keyword, 200)}*.`)];
  const blocks: Block[] = [
    section(
      `Users matching *${safe(keyword, 200)}*${data.users?.totalCount != null ? ` (${data.users.totalCount})` : ''}:`,
    ),
    ...edges.slice(0, pageSize).map(row),
  ];
  const cursor = data.users?.pageInfo.endCursor;
  if (data.users?.pageInfo.hasNextPage && cursor) {
    const value = searchPageValue.tryEncode({ q: keyword, after: cursor });
    if (value !== undefined) {
      blocks.push({
        type: 'actions',
        block_id: BlockIds.searchPaging,
        elements: [button('Next page', ActionIds.searchPage, value)],
      });
    } else blocks.push(context(['More results: refine the keyword.']));
  }
  return capBlocks(blocks);
};

/** Several users match an exact look-up: never guess, let the person pick. */
export const userPicker = (users: readonly AuthgearUser[], then: { readonly key?: ActionKey }): Block[] =>
  capBlocks([
    section(`${users.length} Authgear users match. Which one did you mean?`),
    ...users.slice(0, 20).map((u) => {
      const email = textAttr(u.standardAttributes.email);
      return section(
        `*${safe(displayName(u), 200)}*${email ? `\n${safe(email, 200)}` : ''}\n${codeSpan(u.id, 200)}`,
        (then.key && startButton('Choose', then.key, { u: u.id })) || viewButton(u.id),
      );
    }),
  ]);
