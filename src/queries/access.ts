import { keyProblem, showKey } from '../access/keys.js';
import { type AccessCardAction, GROUP_CARD_ACTIONS, ROLE_CARD_ACTIONS } from '../actions/access/index.js';
import { findByKey } from '../actions/access/lookup.js';
import {
  type AccessPage,
  CARD_MEMBERS,
  type GroupDetail,
  getGroupNode,
  getRoleNode,
  type RoleDetail,
  searchGroups,
  searchRoles,
} from '../authgear/operations/access.js';
import { type AccessButton, accessList, groupCard, roleCard } from '../blocks/access-cards.js';
import type { AccessPageValue } from '../blocks/payloads.js';
import { AppError } from '../errors.js';
import { grants } from '../permissions/authorize.js';
import type { ReplyMessage } from '../slack/reply.js';
import type { QueryContext, QueryVerb } from './types.js';

export const ACCESS_PAGE_SIZE = 10;
const MAX_KEYWORD = 100;
const AFTER = '--after';

/** `[keyword…] [--after <cursor>]` → keyword and cursor. */
export const parseListArgs = (
  args: readonly string[],
): { keyword: string | undefined; after: string | undefined } => {
  const at = args.indexOf(AFTER);
  const words = at === -1 ? args : args.slice(0, at);
  const after = at === -1 ? undefined : args[at + 1];
  if (at !== -1 && (after === undefined || !/^[A-Za-z0-9_=+/-]{1,500}$/.test(after))) {
    throw new AppError('input.usage', 'That page link is no longer valid. Run the list again.');
  }
  const keyword = words.join(' ').trim();
  if ([...keyword].length > MAX_KEYWORD)
    throw new AppError('input.invalid', `That keyword is too long; use at most ${MAX_KEYWORD} characters.`);
  return { keyword: keyword === '' ? undefined : keyword, after };
};

const listVerb = (kind: 'group' | 'role'): QueryVerb => {
  const verb = kind === 'group' ? 'groups' : 'roles';
  return {
    verbs: [verb],
    permission: kind === 'group' ? 'group.view' : 'role.view',
    usage: `${verb} [keyword]`,
    description: `list ${verb}, or find them by key or name`,
    async run(ctx, args) {
      const { keyword, after } = parseListArgs(args);
      const variables = { keyword: keyword ?? null, first: ACCESS_PAGE_SIZE, after: after ?? null };
      const page: AccessPage =
        kind === 'group'
          ? (await ctx.api.run(searchGroups, variables, ctx.auditContext)).groups
          : (await ctx.api.run(searchRoles, variables, ctx.auditContext)).roles;
      // Authgear says "maybe more" whenever a page is full; the next page may then be empty.
      const next: AccessPageValue | undefined =
        page.next !== undefined && page.nodes.length > 0
          ? { v: verb, a: [...(keyword ? keyword.split(/\s+/) : []), AFTER, page.next] }
          : undefined;
      return {
        text: `Authgear ${verb}`,
        blocks: accessList(kind, keyword, page, next, after !== undefined),
        replaceOriginal: true,
      };
    },
  };
};

/** Buttons for the card's actions this viewer may start; a delete carries its whole input (the key). */
export const accessButtons = (
  ctx: QueryContext,
  cardActions: readonly AccessCardAction[],
  key: string,
): AccessButton[] =>
  cardActions.flatMap(({ key: actionKey, label, style, keyIsInput }) => {
    const def = ctx.actions.find((d) => d.key === actionKey);
    if (def === undefined || !grants(ctx.policy, ctx.actor.roles, def.permission)) return [];
    return [
      { key: actionKey, label, ...(style ? { style } : {}), ...(keyIsInput ? { preset: { key } } : {}) },
    ];
  });

/** `<key> [--after <cursor>]`: the key, and where the page of members starts. */
const keyArg = (
  kind: 'group' | 'role',
  args: readonly string[],
): { key: string; after: string | undefined } => {
  const [key, ...rest] = args;
  const { keyword, after } = parseListArgs(rest);
  if (key === undefined || keyword !== undefined)
    throw new AppError('input.usage', `Usage: \`/authgear ${kind} <key>\``);
  const problem = keyProblem(kind, key);
  if (problem !== undefined) throw new AppError('input.invalid', problem);
  return { key, after };
};

/** One page of members at a time; "More" re-runs the card verb with the cursor. */
const membersPaging = (
  kind: 'group' | 'role',
  key: string,
  after: string | undefined,
  users: { nodes: readonly unknown[]; next: string | undefined },
) => ({
  continued: after !== undefined,
  next:
    users.next !== undefined && users.nodes.length > 0
      ? ({ v: kind, a: [key, AFTER, users.next] } satisfies AccessPageValue)
      : undefined,
});

const notFound = (kind: 'group' | 'role', key: string): AppError =>
  new AppError(
    'authgear.not_found',
    `Authgear has no ${kind} with the key ${showKey(key)}. Try \`/authgear ${kind}s ${key}\`.`,
  );

const isGroup = (n: { __typename: string } | null): n is GroupDetail =>
  n?.__typename === 'Group' && 'key' in n;
const isRole = (n: { __typename: string } | null): n is RoleDetail => n?.__typename === 'Role' && 'key' in n;

export const groupQuery: QueryVerb = {
  verbs: ['group'],
  permission: 'group.view',
  usage: 'group <key>',
  description: "show a group's card: roles, members and actions",
  async run(ctx, args): Promise<ReplyMessage> {
    const { key, after } = keyArg('group', args);
    const found = await findByKey(ctx.api, 'group', key, ctx.auditContext);
    const variables = { id: found?.id ?? '', usersFirst: CARD_MEMBERS, usersAfter: after ?? null };
    const node = found && (await ctx.api.run(getGroupNode, variables, ctx.auditContext)).node;
    if (!node || !isGroup(node)) throw notFound('group', key);
    return {
      text: `Authgear group ${node.key}`,
      blocks: groupCard(
        node,
        accessButtons(ctx, GROUP_CARD_ACTIONS, node.key),
        membersPaging('group', node.key, after, node.users),
      ),
      replaceOriginal: true,
    };
  },
};

export const roleQuery: QueryVerb = {
  verbs: ['role'],
  permission: 'role.view',
  usage: 'role <key>',
  description: "show a role's card: groups, direct users and actions",
  async run(ctx, args): Promise<ReplyMessage> {
    const { key, after } = keyArg('role', args);
    const found = await findByKey(ctx.api, 'role', key, ctx.auditContext);
    const variables = { id: found?.id ?? '', usersFirst: CARD_MEMBERS, usersAfter: after ?? null };
    const node = found && (await ctx.api.run(getRoleNode, variables, ctx.auditContext)).node;
    if (!node || !isRole(node)) throw notFound('role', key);
    return {
      text: `Authgear role ${node.key}`,
      blocks: roleCard(
        node,
        accessButtons(ctx, ROLE_CARD_ACTIONS, node.key),
        membersPaging('role', node.key, after, node.users),
      ),
      replaceOriginal: true,
    };
  },
};

export const groupsQuery = listVerb('group');
export const rolesQuery = listVerb('role');

export const accessQueries: QueryVerb[] = [groupsQuery, rolesQuery, groupQuery, roleQuery];
