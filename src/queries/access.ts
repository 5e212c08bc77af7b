import { keyProblem, showKey } from '../access/keys.js';
import { type AccessCardAction, GROUP_CARD_ACTIONS, ROLE_CARD_ACTIONS } from '../actions/access/index.js';
import { findByKey } from '../actions/access/lookup.js';
import {
  type AccessPage,
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
      const next: AccessPageValue | undefined =
        page.hasNextPage && page.endCursor !== undefined
          ? { v: verb, a: [...(keyword ? keyword.split(/\s+/) : []), AFTER, page.endCursor] }
          : undefined;
      return {
        text: `Authgear ${verb}`,
        blocks: accessList(kind, keyword, page, next),
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

const keyArg = (kind: 'group' | 'role', args: readonly string[]): string => {
  const [key] = args;
  if (key === undefined || args.length > 1)
    throw new AppError('input.usage', `Usage: \`/authgear ${kind} <key>\``);
  const problem = keyProblem(kind, key);
  if (problem !== undefined) throw new AppError('input.invalid', problem);
  return key;
};

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
    const key = keyArg('group', args);
    const found = await findByKey(ctx.api, 'group', key, ctx.auditContext);
    const node = found && (await ctx.api.run(getGroupNode, { id: found.id }, ctx.auditContext)).node;
    if (!node || !isGroup(node)) throw notFound('group', key);
    return {
      text: `Authgear group ${node.key}`,
      blocks: groupCard(node, accessButtons(ctx, GROUP_CARD_ACTIONS, node.key)),
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
    const key = keyArg('role', args);
    const found = await findByKey(ctx.api, 'role', key, ctx.auditContext);
    const node = found && (await ctx.api.run(getRoleNode, { id: found.id }, ctx.auditContext)).node;
    if (!node || !isRole(node)) throw notFound('role', key);
    return {
      text: `Authgear role ${node.key}`,
      blocks: roleCard(node, accessButtons(ctx, ROLE_CARD_ACTIONS, node.key)),
      replaceOriginal: true,
    };
  },
};

export const groupsQuery = listVerb('group');
export const rolesQuery = listVerb('role');

export const accessQueries: QueryVerb[] = [groupsQuery, rolesQuery, groupQuery, roleQuery];
