/** API resources: a page of them, and one resource's card (scopes, clients, actions). Pure: data in, blocks out. */
import type { ActionKey } from '../actions/keys.js';
import type { ResourceDetail, ResourcePage } from '../authgear/operations/resources.js';
import { ActionIds, BlockIds } from './ids.js';
import { type AccessPageValue, accessPageValue, startButton } from './payloads.js';
import {
  type Block,
  type Button,
  button,
  capBlocks,
  codeSpan,
  context,
  divider,
  escapeText,
  fields,
  header,
  LIMITS,
  safe,
  section,
  slackDate,
  truncate,
} from './primitives.js';

/** A URI, scope or client ID in code style: escaped for Slack, copyable (no mrkdwn is applied inside code). */
export const codeText = (text: string, max = 120): string =>
  `\`${truncate(escapeText(text.replace(/`/g, "'")), max)}\``;
const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/** "View" on a row: runs `resource <uri>` (through runQuery, so the right is checked at the click). */
const viewButton = (uri: string) => {
  const value = accessPageValue.tryEncode({ v: 'resource', a: [uri] });
  return value === undefined ? undefined : button('View', ActionIds.accessPage, value);
};

/** A page of API resources: URI, name, scope count, clients; Next re-runs the verb with the cursor. */
export const resourceList = (
  filter: { readonly keyword?: string | undefined; readonly clientId?: string | undefined },
  page: ResourcePage,
  next: AccessPageValue | undefined,
): Block[] => {
  const about = [
    filter.keyword ? ` matching “${safe(filter.keyword, 100)}”` : '',
    filter.clientId ? ` of client ${codeText(filter.clientId)}` : '',
  ].join('');
  if (page.nodes.length === 0) return [section(`No API resources${about}.`)];
  const total = page.totalCount === undefined ? '' : ` (${page.totalCount})`;
  const blocks: Block[] = [section(`*API resources${about}*${total}`)];
  for (const r of page.nodes) {
    const clients =
      r.clientIDs.length === 0
        ? 'no client'
        : `clients: ${r.clientIDs.map((c) => codeText(c, 60)).join(', ')}`;
    blocks.push(
      section(
        [
          `${codeText(r.resourceURI)}${r.name ? ` · *${safe(r.name, 100)}*` : ''}`,
          `${plural(r.scopes?.totalCount ?? 0, 'scope')} · ${clients}`,
        ].join('\n'),
        viewButton(r.resourceURI),
      ),
    );
  }
  const value = next && accessPageValue.tryEncode(next);
  if (value !== undefined)
    blocks.push({
      type: 'actions',
      block_id: BlockIds.accessPage,
      elements: [button('Next', ActionIds.accessPage, value)],
    });
  return capBlocks(blocks);
};

/** A button on a resource card: the action and the whole input it starts with (so it goes to the confirmation). */
export interface ResourceButton {
  readonly key: ActionKey;
  readonly label: string;
  readonly style?: 'danger';
  readonly preset: Readonly<Record<string, string>>;
}

/** Lines of scopes that fit one section (Slack allows 3,000 characters). */
const scopeLines = (d: ResourceDetail): string[] => {
  const lines: string[] = [];
  let size = 0;
  for (const s of d.scopes.nodes) {
    const line = `• ${codeText(s.scope)}${s.description ? ` — ${safe(s.description, 200)}` : ''}`;
    if (size + line.length > LIMITS.sectionText - 200) break;
    lines.push(line);
    size += line.length + 1;
  }
  const left = d.scopes.totalCount - lines.length;
  return left > 0 || d.scopes.more ? [...lines, `…and ${Math.max(left, 1)} more`] : lines;
};

/**
 * One resource: URI, name, clients, scopes (all of them, or a client's with `clientId`), and the viewer's buttons.
 * Actions that need more input are named as slash commands.
 */
export const resourceCard = (
  d: ResourceDetail,
  clientId: string | undefined,
  buttons: readonly ResourceButton[],
): Block[] => {
  const scopesTitle = clientId
    ? `*Scopes of client ${codeText(clientId)} (${d.scopes.totalCount})*`
    : `*Scopes (${d.scopes.totalCount})*`;
  const scopes = scopeLines(d);
  const elements = buttons.flatMap((b) => startButton(b.label, b.key, { a: b.preset }, b.style) ?? []);
  // Several buttons of one action (Remove from each client) share an action_id: each goes to its own actions
  // block, since Slack refuses two equal action_ids in one block.
  const rows: Button[][] = [];
  for (const e of elements) {
    const row = rows.find(
      (r) => r.length < LIMITS.actionsElements && !r.some((x) => x.action_id === e.action_id),
    );
    if (row) row.push(e);
    else rows.push([e]);
  }
  return capBlocks([
    header(`API resource: ${d.name || d.resourceURI}`),
    fields([
      `*URI*\n${codeText(d.resourceURI)}`,
      `*Name*\n${d.name ? safe(d.name, 200) : '_none_'}`,
      `*Clients*\n${d.clientIDs.length === 0 ? '_none_' : d.clientIDs.map((c) => codeText(c, 60)).join(', ')}`,
      `*Created*\n${slackDate(d.createdAt)}`,
    ]),
    section(`${scopesTitle}\n${scopes.length === 0 ? '_none_' : scopes.join('\n')}`),
    context([
      `More: \`create-scope\`, \`update-scope\`, \`delete-scope\`, \`add-resource-to-client\`, \`add-scopes-to-client\`, \`replace-scopes-of-client\` with this URI · Authgear ID: ${codeSpan(d.id, 200)}`,
    ]),
    ...(rows.length === 0 ? [] : [divider()]),
    ...rows.map(
      (elements, i): Block => ({
        type: 'actions',
        block_id: i === 0 ? BlockIds.accessActions : `${BlockIds.accessActions}_${i}`,
        elements,
      }),
    ),
  ]);
};
