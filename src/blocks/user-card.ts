import { showKey } from '../access/keys.js';
import type { ActionKey } from '../actions/keys.js';
import { textAttr } from '../authgear/attributes.js';
import type { AuthgearUser } from '../authgear/operations/user-fields.js';
import { BlockIds } from './ids.js';
import { startButton } from './payloads.js';
import {
  actions,
  type Block,
  type Button,
  capBlocks,
  context,
  divider,
  fields,
  header,
  safe,
  section,
  slackDate,
} from './primitives.js';
import { accessStatusLines, signInLines } from './user-identities.js';

/** The best human name for a user: name, given + family name, username, email, phone, or the ID. */
export const displayName = (u: Pick<AuthgearUser, 'id' | 'standardAttributes'>): string => {
  const a = u.standardAttributes;
  return (
    textAttr(a.name) ??
    ([textAttr(a.given_name), textAttr(a.family_name)].filter(Boolean).join(' ') ||
      textAttr(a.preferred_username) ||
      textAttr(a.email) ||
      textAttr(a.phone_number) ||
      u.id)
  );
};

/** How a user is named in confirmations and audit lines (escaped). */
export const userLabel = (u: AuthgearUser): string => {
  const email = textAttr(u.standardAttributes.email);
  const name = displayName(u);
  return safe(email && email !== name ? `${name} <${email}>` : name, 300);
};

const verified = (u: AuthgearUser, name: string, value: string): string =>
  u.verifiedClaims.some((c) => c.name === name && c.value === value)
    ? ':white_check_mark: verified'
    : 'unverified';

export const statusLines = (u: AuthgearUser, now: Date): string[] => {
  const lines: string[] = [];
  if (u.isAnonymized) lines.push(':bust_in_silhouette: Anonymized');
  if (u.isDeactivated) lines.push(':no_entry: Deactivated');
  const from = u.temporarilyDisabledFrom ? Date.parse(u.temporarilyDisabledFrom) : undefined;
  const until = u.temporarilyDisabledUntil ? Date.parse(u.temporarilyDisabledUntil) : undefined;
  if (u.isDisabled) {
    lines.push(`:no_entry_sign: Disabled${u.disableReason ? `: ${safe(u.disableReason, 300)}` : ''}`);
  }
  if (from !== undefined || until !== undefined) {
    const active = (from ?? 0) <= now.getTime() && (until === undefined || now.getTime() < until);
    lines.push(
      `:hourglass: ${active ? 'Temporarily disabled' : 'Disable scheduled'} from ${slackDate(u.temporarilyDisabledFrom)} until ${slackDate(u.temporarilyDisabledUntil)}`,
    );
  }
  if (u.deleteAt) lines.push(`:wastebasket: Deletion scheduled for ${slackDate(u.deleteAt)}`);
  if (u.anonymizeAt)
    lines.push(`:bust_in_silhouette: Anonymization scheduled for ${slackDate(u.anonymizeAt)}`);
  if (u.accountLockout?.isLocked && u.accountLockout.lockedIPs.length === 0)
    lines.push(`:lock: Locked out until ${slackDate(u.accountLockout.lockedUntil)}`);
  const access = accessStatusLines(u, now);
  if (lines.length === 0) lines.push(':large_green_circle: Active');
  return [...lines, ...access];
};

export interface CardButton {
  readonly key: ActionKey;
  readonly label: string;
  readonly style?: 'primary' | 'danger';
}

/** The user card: who, contact points with verified marks, status, identities, MFA, sessions, access; actions. */
export const userCard = (u: AuthgearUser, buttons: readonly CardButton[], now: Date): Block[] => {
  const a = u.standardAttributes;
  const contacts: string[] = [];
  const email = textAttr(a.email);
  const phone = textAttr(a.phone_number);
  const username = textAttr(a.preferred_username);
  if (email) contacts.push(`*Email*\n${safe(email)} (${verified(u, 'email', email)})`);
  if (phone) contacts.push(`*Phone*\n${safe(phone)} (${verified(u, 'phone_number', phone)})`);
  if (username) contacts.push(`*Username*\n${safe(username)}`);
  contacts.push(`*Last login*\n${slackDate(u.lastLoginAt)}`);
  contacts.push(`*Created*\n${slackDate(u.createdAt)}`);
  contacts.push(`*Sessions*\n${u.sessions.totalCount}`);

  const mfa = u.authenticators.nodes.map((x) => `${x.kind.toLowerCase()} ${x.type.toLowerCase()}`);
  const names = (nodes: ReadonlyArray<{ key: string; name?: string | null | undefined }>) =>
    nodes.length === 0 ? 'none' : nodes.map((n) => showKey(n.key)).join(', ');

  const blocks: Block[] = [
    header(displayName(u)),
    section(statusLines(u, now).join('\n')),
    fields(contacts),
    section(
      [
        ...signInLines(u),
        `*Authenticators (${u.authenticators.totalCount})*: ${mfa.length ? mfa.join(', ') : 'none'}`,
        `*Groups*: ${names(u.groups.nodes)}`,
        `*Roles*: ${names(u.roles.nodes)}`,
        `*Effective roles*: ${names(u.effectiveRoles.nodes)}`,
      ].join('\n'),
    ),
    context([`Authgear ID: \`${safe(u.id, 200)}\``]),
  ];
  if (buttons.length > 0) {
    const elements: Button[] = buttons.flatMap(
      (b) => startButton(b.label, b.key, { u: u.id }, b.style) ?? [],
    );
    blocks.push(divider(), ...actions(elements, BlockIds.userActions));
  }
  return capBlocks(blocks);
};
