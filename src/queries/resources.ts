/** `/authgear resources [keyword] [--client <id>]` and `/authgear resource <uri> [--client <id>]`. */
import { ActionKeys } from '../actions/keys.js';
import { unwrapLink } from '../actions/resources/shared.js';
import type { AdminApi } from '../authgear/client.js';
import type { AuditContext } from '../authgear/jwt.js';
import { getResourceNode, type ResourcePage, searchResources } from '../authgear/operations/resources.js';
import type { AccessPageValue } from '../blocks/payloads.js';
import { type ResourceButton, resourceCard, resourceList } from '../blocks/resource-cards.js';
import { AppError } from '../errors.js';
import { grants } from '../permissions/authorize.js';
import type { QueryContext, QueryVerb } from './types.js';

export const RESOURCE_PAGE_SIZE = 10;
/** Pages of keyword matches `resource <uri>` reads to find the exact URI (Authgear has no look-up by URI). */
const FIND_PAGES = 5;
const CURSOR = /^[A-Za-z0-9_=+/-]{1,500}$/;

interface Flags {
  readonly words: string[];
  readonly clientId: string | undefined;
  readonly after: string | undefined;
}

/** `--client <id>` and `--after <cursor>` among the words; the rest stays in order. */
const parseFlags = (args: readonly string[], usage: string): Flags => {
  const words: string[] = [];
  let clientId: string | undefined;
  let after: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const word = args[i] ?? '';
    if (word === '--client' || word === '--after') {
      const value = args[++i];
      if (value === undefined || value.length > 500)
        throw new AppError('input.usage', `Usage: \`/authgear ${usage}\``);
      if (word === '--client') clientId = value;
      else if (CURSOR.test(value)) after = value;
      else throw new AppError('input.usage', 'That page link is no longer valid. Run the list again.');
    } else words.push(word);
  }
  return { words, clientId, after };
};

const LIST_USAGE = 'resources [keyword] [--client <id>]';

export const resourcesQuery: QueryVerb = {
  verbs: ['resources'],
  permission: 'resource.view',
  usage: LIST_USAGE,
  description: 'list or find API resources (or those of a client)',
  async run(ctx, args) {
    const { words, clientId, after } = parseFlags(args, LIST_USAGE);
    const keyword = words.join(' ').trim();
    if ([...keyword].length > 100)
      throw new AppError('input.invalid', 'That keyword is too long; use at most 100 characters.');
    const page: ResourcePage = await ctx.api.run(
      searchResources,
      {
        keyword: keyword || null,
        clientID: clientId ?? null,
        first: RESOURCE_PAGE_SIZE,
        after: after ?? null,
      },
      ctx.auditContext,
    );
    const next: AccessPageValue | undefined =
      page.hasNextPage && page.endCursor !== undefined
        ? {
            v: 'resources',
            a: [...words, ...(clientId ? ['--client', clientId] : []), '--after', page.endCursor],
          }
        : undefined;
    return {
      text: 'Authgear API resources',
      blocks: resourceList({ keyword: keyword || undefined, clientId }, page, next),
      replaceOriginal: true,
    };
  },
};

/** The resource whose URI is exactly `uri`: Authgear's keyword search matches substrings, so pick the exact one. */
const findByUri = async (api: AdminApi, uri: string, actor: AuditContext): Promise<string | undefined> => {
  let after: string | null = null;
  for (let i = 0; i < FIND_PAGES; i++) {
    const page: ResourcePage = await api.run(
      searchResources,
      { keyword: uri, clientID: null, first: 100, after },
      actor,
    );
    const found = page.nodes.find((r) => r.resourceURI === uri);
    if (found) return found.id;
    if (!page.hasNextPage || page.endCursor === undefined) return undefined;
    after = page.endCursor;
  }
  return undefined;
};

/** Delete, and Remove-from-client per client (their whole input is on the card), for a viewer who may manage. */
const cardButtons = (ctx: QueryContext, uri: string, clientIds: readonly string[]): ResourceButton[] => {
  if (!grants(ctx.policy, ctx.actor.roles, 'resource.manage')) return [];
  return [
    ...clientIds.slice(0, 5).map((clientId) => ({
      key: ActionKeys.removeResourceFromClient,
      label: `Remove from ${clientId}`,
      preset: { uri, clientId },
    })),
    { key: ActionKeys.deleteResource, label: 'Delete resource', style: 'danger' as const, preset: { uri } },
  ];
};

const CARD_USAGE = 'resource <uri> [--client <id>]';

export const resourceQuery: QueryVerb = {
  verbs: ['resource'],
  permission: 'resource.view',
  usage: CARD_USAGE,
  description: "an API resource's scopes and clients",
  async run(ctx, args) {
    const { words, clientId } = parseFlags(args, CARD_USAGE);
    const [raw] = words;
    if (raw === undefined || words.length > 1)
      throw new AppError('input.usage', `Usage: \`/authgear ${CARD_USAGE}\``);
    const uri = unwrapLink(raw);
    const id = await findByUri(ctx.api, uri, ctx.auditContext);
    const node =
      id && (await ctx.api.run(getResourceNode, { id, clientID: clientId ?? null }, ctx.auditContext)).node;
    if (!node)
      throw new AppError(
        'authgear.not_found',
        `Authgear has no API resource \`${uri.replace(/[`<>&]/g, '')}\`. See them with \`/authgear resources\`.`,
      );
    return {
      text: `Authgear API resource ${node.resourceURI}`,
      blocks: resourceCard(node, clientId, cardButtons(ctx, node.resourceURI, node.clientIDs)),
      replaceOriginal: true,
    };
  },
};

export const resourceQueries: QueryVerb[] = [resourcesQuery, resourceQuery];
