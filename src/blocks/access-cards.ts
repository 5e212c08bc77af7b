import { showKey } from '../access/keys.js';
import type { ActionKey } from '../actions/keys.js';
import type {
  AccessMember,
  AccessPage,
  GroupDetail,
  MemberPage,
  RoleDetail,
} from '../authgear/operations/access.js';
import { ActionIds, BlockIds } from './ids.js';
import { type AccessPageValue, accessPageValue, startButton } from './payloads.js';
import {
  actions,
  type Block,
  button,
  capBlocks,
  codeSpan,
  context,
  divider,
  fields,
  header,
  safe,
  section,
} from './primitives.js';

export interface AccessButton {
  readonly key: ActionKey;
  readonly label: string;
  readonly style?: 'primary' | 'danger';
  /** Input the button starts the action with (only when it is the whole input, e.g. a delete). */
  readonly preset?: Readonly<Record<string, string>>;
}

/** Keys stay copyable: valid ones are shown as they are, anything else escaped. */
const code = showKey;

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/** How a member is named: email, name, username or phone, else the ID. Escaped. */
export const memberLabel = (m: AccessMember): string => {
  const a = m.standardAttributes;
  for (const k of ['email', 'name', 'preferred_username', 'phone_number']) {
    const v = a[k];
    if (typeof v === 'string' && v !== '') return safe(v, 100);
  }
  return safe(m.id, 100);
};

const keyList = (nodes: ReadonlyArray<{ key: string }>, total: number): string => {
  if (total === 0) return '_none_';
  const shown = nodes.map((n) => code(n.key)).join(', ');
  return total > nodes.length ? `${shown} and ${total - nodes.length} more` : shown;
};

/**
 * Members as loaded, never counted (Authgear gives no total). A full page may have more: "more…" and a button;
 * an empty page after a cursor just ends the list.
 */
const memberList = (page: MemberPage, continued: boolean): string => {
  if (page.nodes.length === 0) return continued ? '_no more members_' : '_none_';
  const shown = page.nodes.map(memberLabel).join(', ');
  return page.next !== undefined ? `${shown}, more…` : shown;
};

const nextButton = (label: string, value: AccessPageValue | undefined): Block[] => {
  const encoded = value && accessPageValue.tryEncode(value);
  return encoded === undefined
    ? []
    : actions([button(label, ActionIds.accessPage, encoded)], BlockIds.accessPage);
};

const buttonsBlock = (buttons: readonly AccessButton[]): Block[] =>
  buttons.length === 0
    ? []
    : [
        divider(),
        ...actions(
          buttons.flatMap((b) => startButton(b.label, b.key, b.preset ? { a: b.preset } : {}, b.style) ?? []),
          BlockIds.accessActions,
        ),
      ];

/**
 * A page of groups or roles: key, name, description and link count (no total: Authgear's counts every group or
 * role whatever the keyword); a Next button re-runs the verb with the cursor. `continued`: a later page, where
 * an empty page means the list has ended.
 */
export const accessList = (
  kind: 'group' | 'role',
  keyword: string | undefined,
  page: AccessPage,
  nextValue: AccessPageValue | undefined,
  continued = false,
): Block[] => {
  const title = kind === 'group' ? 'Groups' : 'Roles';
  const matching = keyword ? ` matching “${safe(keyword, 100)}”` : '';
  if (page.nodes.length === 0)
    return [section(continued ? `No more ${kind}s${matching}.` : `No ${kind}s${matching}.`)];
  const blocks: Block[] = [section(`*${title}${matching}*${continued ? ' (continued)' : ''}`)];
  for (const n of page.nodes) {
    const links =
      kind === 'group'
        ? plural(n.roles?.totalCount ?? 0, 'role')
        : plural(n.groups?.totalCount ?? 0, 'group');
    blocks.push(
      section(
        [
          `${code(n.key)}${n.name ? ` · *${safe(n.name, 100)}*` : ''}`,
          ...(n.description ? [safe(n.description, 300)] : []),
          links,
        ].join('\n'),
      ),
    );
  }
  blocks.push(context([`Open one with \`/authgear ${kind} <key>\`.`]));
  blocks.push(...nextButton('Next', nextValue));
  return capBlocks(blocks);
};

const about = (d: {
  key: string;
  name?: string | null | undefined;
  description?: string | null | undefined;
}) =>
  fields([
    `*Key*\n${code(d.key)}`,
    `*Name*\n${d.name ? safe(d.name, 200) : '_none_'}`,
    `*Description*\n${d.description ? safe(d.description, 1000) : '_none_'}`,
  ]);

/** Where the card's members page came from, and the button value for the next one. */
export interface MembersPaging {
  readonly continued: boolean;
  readonly next: AccessPageValue | undefined;
}

/** The group card: key, name, description, roles, a page of members ("More members"); the viewer's buttons. */
export const groupCard = (g: GroupDetail, buttons: readonly AccessButton[], paging: MembersPaging): Block[] =>
  capBlocks([
    header(`Group: ${g.name || g.key}`),
    about(g),
    section(
      [
        `*Roles (${g.roles.totalCount})*: ${keyList(g.roles.nodes, g.roles.totalCount)}`,
        `*Members${paging.continued ? ' (continued)' : ''}*: ${memberList(g.users, paging.continued)}`,
      ].join('\n'),
    ),
    context([`Authgear ID: ${codeSpan(g.id, 200)}`]),
    ...nextButton('More members', paging.next),
    ...buttonsBlock(buttons),
  ]);

/** The role card: key, name, description, groups that grant it, a page of direct users; the viewer's buttons. */
export const roleCard = (r: RoleDetail, buttons: readonly AccessButton[], paging: MembersPaging): Block[] =>
  capBlocks([
    header(`Role: ${r.name || r.key}`),
    about(r),
    section(
      [
        `*Groups (${r.groups.totalCount})*: ${keyList(r.groups.nodes, r.groups.totalCount)}`,
        `*Direct users${paging.continued ? ' (continued)' : ''}*: ${memberList(r.users, paging.continued)}`,
      ].join('\n'),
    ),
    context([`Authgear ID: ${codeSpan(r.id, 200)} · users also get this role through its groups`]),
    ...nextButton('More users', paging.next),
    ...buttonsBlock(buttons),
  ]);
