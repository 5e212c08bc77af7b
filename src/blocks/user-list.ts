/** Several users at once (`/authgear user a, b, c`), one row each. Pure: data in, blocks out. */
import { textAttr } from '../authgear/attributes.js';
import type { UserSummary } from '../authgear/operations/users.js';
import { ActionIds } from './ids.js';
import { showUserValue } from './payloads.js';
import { type Block, button, capBlocks, context, safe, section, slackDate } from './primitives.js';
import { displayName } from './user-card.js';

/** What a row shows of a user: a user card's fields or a `nodes` answer have all of it. */
export type ListedUser = Omit<UserSummary, '__typename'>;

/** A user's state in a few words, most severe first. */
export const shortStatus = (u: ListedUser): string => {
  if (u.isAnonymized) return ':bust_in_silhouette: anonymized';
  if (u.isDeactivated) return ':no_entry: deactivated';
  if (u.deleteAt) return `:wastebasket: deletion scheduled ${slackDate(u.deleteAt)}`;
  if (u.anonymizeAt) return `:bust_in_silhouette: anonymization scheduled ${slackDate(u.anonymizeAt)}`;
  if (u.isDisabled)
    return `:no_entry_sign: disabled${u.disableReason ? `: ${safe(u.disableReason, 100)}` : ''}`;
  if (u.accountLockout.isLocked) return ':lock: locked out';
  return ':large_green_circle: active';
};

/** "Alice <alice@example.com>", escaped. */
export const listedLabel = (u: ListedUser): string => {
  const email = textAttr(u.standardAttributes.email);
  const name = displayName(u);
  return safe(email && email !== name ? `${name} <${email}>` : name, 300);
};

const row = (typed: string, u: ListedUser): Block =>
  section(
    `*${listedLabel(u)}*\n${shortStatus(u)} · last login ${slackDate(u.lastLoginAt)}\n_${safe(typed, 200)}_`,
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
): Block[] =>
  capBlocks([
    section(`*${found.length} of ${found.length + missing.length + ambiguous.length} users found*`),
    ...found.map((f) => row(f.typed, f.user)),
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
