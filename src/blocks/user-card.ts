import { showKey } from '../access/keys.js';
import type { ActionKey } from '../actions/keys.js';
import {
  type AccountState,
  accountState,
  isOutsideValidPeriod,
  scheduledWindow,
} from '../authgear/account-state.js';
import { textAttr } from '../authgear/attributes.js';
import type { AuthgearUser } from '../authgear/operations/user-fields.js';
import { BlockIds } from './ids.js';
import { startButton } from './payloads.js';
import {
  actions,
  type Block,
  type Button,
  capBlocks,
  codeSpan,
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
export const userLabel = (u: Pick<AuthgearUser, 'id' | 'standardAttributes'>): string => {
  const email = textAttr(u.standardAttributes.email);
  const name = displayName(u);
  return safe(email && email !== name ? `${name} <${email}>` : name, 300);
};

const verified = (u: AuthgearUser, name: string, value: string): string =>
  u.verifiedClaims.some((c) => c.name === name && c.value === value)
    ? ':white_check_mark: verified'
    : 'unverified';

const reason = (u: AuthgearUser): string => (u.disableReason ? `: ${safe(u.disableReason, 300)}` : '');

/** The headline status, from the state Authgear computes (see authgear/account-state.ts). */
const stateLine = (u: AuthgearUser, state: AccountState): string => {
  switch (state.kind) {
    case 'anonymized':
      return ':bust_in_silhouette: Anonymized';
    case 'scheduled_deletion':
      return `:wastebasket: Deletion scheduled for ${slackDate(state.at)}`;
    case 'scheduled_anonymization':
      return `:bust_in_silhouette: Anonymization scheduled for ${slackDate(state.at)}`;
    case 'not_yet_valid':
      return `:calendar: Outside the valid period: can sign in from ${slackDate(state.from)}`;
    case 'expired':
      return `:calendar: Outside the valid period: it ended ${slackDate(state.until)}`;
    case 'temporarily_disabled':
      return `:hourglass: Temporarily disabled until ${slackDate(state.until)}${reason(u)}`;
    case 'disabled':
      return `:no_entry_sign: Disabled${reason(u)}`;
    case 'active':
      return ':large_green_circle: Active';
  }
};

export const statusLines = (u: AuthgearUser, now: Date): string[] => {
  const state = accountState(u, now);
  const lines = [stateLine(u, state)];
  if (isOutsideValidPeriod(state) && u.disableReason) lines.push(`:no_entry_sign: Also disabled${reason(u)}`);
  if (u.isDeactivated) lines.push(':no_entry: Deactivated');
  const scheduled = scheduledWindow(u, now);
  if (scheduled)
    lines.push(
      `:hourglass: Disable scheduled from ${slackDate(scheduled.from)} until ${slackDate(scheduled.until)}${reason(u)}`,
    );
  if ((u.accountValidFrom || u.accountValidUntil) && !isOutsideValidPeriod(state))
    lines.push(
      `:calendar: Valid ${u.accountValidFrom ? `from ${slackDate(u.accountValidFrom)}` : ''}${u.accountValidFrom && u.accountValidUntil ? ' ' : ''}${u.accountValidUntil ? `until ${slackDate(u.accountValidUntil)}` : ''}`,
    );
  if (u.accountLockout?.isLocked && u.accountLockout.lockedIPs.length === 0)
    lines.push(`:lock: Locked out until ${slackDate(u.accountLockout.lockedUntil)}`);
  return [...lines, ...accessStatusLines(u, now)];
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
    context([`Authgear ID: ${codeSpan(u.id, 200)}`]),
  ];
  if (buttons.length > 0) {
    const elements: Button[] = buttons.flatMap(
      (b) => startButton(b.label, b.key, { u: u.id }, b.style) ?? [],
    );
    blocks.push(divider(), ...actions(elements, BlockIds.userActions));
  }
  return capBlocks(blocks);
};
