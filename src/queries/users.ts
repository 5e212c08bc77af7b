import type { AnyActionDefinition } from '../actions/types.js';
import type { AuthgearUser } from '../authgear/operations/user-fields.js';
import { searchUsers } from '../authgear/operations/users.js';
import { safe } from '../blocks/primitives.js';
import { searchResults, userPicker } from '../blocks/search.js';
import { type CardButton, displayName, userCard } from '../blocks/user-card.js';
import type { Policy } from '../config/policy.js';
import { AppError } from '../errors.js';
import { grants } from '../permissions/authorize.js';
import type { ReplyMessage } from '../slack/reply.js';
import type { QueryContext, QueryVerb, ReadQuery } from './types.js';
import { lookUpSeveral } from './user-list.js';

export const SEARCH_PAGE_SIZE = 10;
const MAX_KEYWORD = 200;

/** Buttons for the actions this viewer may start on this user, in definition order. */
export const cardButtons = (
  actions: readonly AnyActionDefinition[],
  policy: Policy,
  roles: readonly string[],
  user: AuthgearUser,
  now: Date,
): CardButton[] =>
  actions.flatMap((def) => {
    const b = def.cardButton;
    if (!b || !grants(policy, roles, def.permission) || (b.show && !b.show(user, now))) return [];
    return [{ key: def.key, label: b.label, ...(b.style ? { style: b.style } : {}) }];
  });

export const userCardMessage = (ctx: QueryContext, user: AuthgearUser): ReplyMessage => ({
  text: `Authgear user ${safe(displayName(user), 200)}`,
  blocks: userCard(user, cardButtons(ctx.actions, ctx.policy, ctx.actor.roles, user, ctx.now), ctx.now),
  replaceOriginal: true,
});

export const userQuery: QueryVerb = {
  verbs: ['user', 'lookup', 'show'],
  permission: 'user.view',
  usage: 'user <who>[, <who>…]',
  description: "a user's card, or a list of several users",
  async run(ctx, _args, rawArgs) {
    if (rawArgs.trim() === '') throw new AppError('input.usage', 'Usage: `/authgear user <who>`');
    if (rawArgs.includes(',')) return lookUpSeveral(ctx, rawArgs);
    const found = await ctx.users.resolve(rawArgs.trim(), ctx.auditContext);
    if (found.kind === 'none') {
      throw new AppError(
        'user.not_found',
        'No Authgear user matches that. Check the spelling, or try `/authgear search`.',
      );
    }
    if (found.kind === 'many') {
      return { text: 'Several users match', blocks: userPicker(found.users, {}), replaceOriginal: true };
    }
    return userCardMessage(ctx, found.user);
  },
};

const runSearch = async (ctx: QueryContext, keyword: string, after: string | null): Promise<ReplyMessage> => {
  const data = await ctx.api.run(searchUsers, { keyword, first: SEARCH_PAGE_SIZE, after }, ctx.auditContext);
  return {
    text: `Search results for ${safe(keyword, 200)}`,
    blocks: searchResults(keyword, data, SEARCH_PAGE_SIZE),
    replaceOriginal: true,
  };
};

export const searchQuery: QueryVerb = {
  verbs: ['search', 'find'],
  permission: 'user.search',
  usage: 'search <keyword>',
  description: 'find users by email, phone, username or name',
  async run(ctx, _args, rawArgs) {
    const keyword = rawArgs.trim();
    if (keyword === '') throw new AppError('input.usage', 'Usage: `/authgear search <keyword>`');
    if ([...keyword].length > MAX_KEYWORD) {
      throw new AppError('input.invalid', `That keyword is too long; use at most ${MAX_KEYWORD} characters.`);
    }
    return runSearch(ctx, keyword, null);
  },
};

/** The next page of a search (the Next button): the keyword and the cursor. */
export const searchPageQuery: ReadQuery = {
  permission: searchQuery.permission,
  async run(ctx, [keyword = '', after = '']) {
    return runSearch(ctx, keyword, after);
  },
};

/** One user's card by node ID (View on a search result or picker). */
export const userByIdQuery: ReadQuery = {
  permission: userQuery.permission,
  async run(ctx, [nodeId = '']) {
    return userCardMessage(ctx, await ctx.users.byNodeId(nodeId, ctx.auditContext));
  },
};
