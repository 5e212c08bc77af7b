/** Several users at once (`/authgear user a, b, c`), one row each. Pure: data in, blocks out. */
import { accountState } from '../authgear/account-state.js';
import { textAttr } from '../authgear/attributes.js';
import type { UserSummary } from '../authgear/operations/users.js';
import { ActionIds } from './ids.js';
import { showUserValue } from './payloads.js';
import { type Block, button, capBlocks, context, safe, section, slackDate } from './primitives.js';
import { displayName } from './user-card.js';

/** What a row shows of a user: a user card's fields or a `nodes` answer have all of it. */
export type ListedUser = Omit<UserSummary, '__typename'>;

/** A user's state in a few words: the state Authgear computes (as the card shows it), then a lockout. */
export const shortStatus = (u: ListedUser, now: Date): string => {
  const state = accountState(u, now);
  const locked = u.accountLockout.isLocked ? ' · :lock: locked out' : '';
  const deactivated = u.isDeactivated ? ' · :no_entry: deactivated' : '';
  const reason = u.disableReason ? `: ${safe(u.disableReason, 100)}` : '';
  switch (state.kind) {
    case 'anonymized':
      return ':bust_in_silhouette: anonymized';
    case 'scheduled_deletion':
      return `:wastebasket: deletion scheduled ${slackDate(state.at)}`;
    case 'scheduled_anonymization':
      return `:bust_in_silhouette: anonymization scheduled ${slackDate(state.at)}`;
    case 'not_yet_valid':
      return `:calendar: outside its valid period (from ${slackDate(state.from)})${locked}`;
    case 'expired':
      return `:calendar: outside its valid period (ended ${slackDate(state.until)})${locked}`;
    case 'temporarily_disabled':
      return `:hourglass: temporarily disabled until ${slackDate(state.until)}${reason}${deactivated}`;
    case 'disabled':
      return `:no_entry_sign: disabled${reason}${deactivated}`;
    case 'active':
      return `:large_green_circle: active${deactivated}${locked}`;
  }
};

/** "Alice <alice@example.com>", escaped. */
export const listedLabel = (u: ListedUser): string => {
  const email = textAttr(u.standardAttributes.email);
  const name = displayName(u);
  return safe(email && email !== name ? `${name} <${email}>` : name, 300);
};

const row = (typed: string, u: ListedUser, now: Date): Block =>
  section(
    `*${listedLabel(u)}*\n${shortStatus(u, now)} · last login ${slackDate(u.lastLoginAt)}\n_${safe(typed, 200)}_`,
    button('View', ActionIds.showUser, showUserValue.encode(u.id)),
  );

export interface UserListEntry {
  /** What the person typed for this user. */
  readonly typed: string;
  readonly user: ListedUser;
}

/** The users found, each with a View button, and the references that matched no one (or several). */
export const userListBlocks = (
  found: readonly UserListEntry[],
  missing: readonly string[],
  ambiguous: readonly string[],
  now: Date,
): Block[] =>
  capBlocks([
    section(`*${found.length} of ${found.length + missing.length + ambiguous.length} users found*`),
    ...found.map((f) => row(f.typed, f.user, now)),
    ...(missing.length > 0
      ? [context([`No Authgear user matches: ${missing.map((m) => safe(m, 100)).join(', ')}`])]
      : []),
    ...(ambiguous.length > 0
      ? [
          context([
            `Several users match (look each up alone): ${ambiguous.map((m) => safe(m, 100)).join(', ')}`,
          ]),
        ]
      : []),
  ]);
