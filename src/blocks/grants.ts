/**
 * Time-boxed grants as Slack sees them: the `grants` list (with Revoke now), the requester's reminder before expiry
 * (with Extend), and the items the App Home shows. Pure: data in, blocks out. `user.label` was escaped when the
 * grant was made; what a person typed (the reason) goes through safe().
 */
import { ActionKeys } from '../actions/keys.js';
import type { GrantRecord } from '../grants/record.js';
import type { ReplyMessage } from '../slack/reply.js';
import { startButton } from './payloads.js';
import {
  type Block,
  type Button,
  capBlocks,
  codeSpan,
  context,
  header,
  safe,
  section,
} from './primitives.js';
import { dateText, durationText } from './time.js';

/** Grants listed in one message (one block each, plus the header and notes). */
export const GRANTS_SHOWN = 40;

/** `role \`support_lead\`` */
export const accessText = (r: Pick<GrantRecord, 'target'>): string =>
  `${r.target.kind} ${codeSpan(r.target.key, 60)}`;

/** Where a grant stands, in one line. */
const stateLine = (r: GrantRecord, now: number): string => {
  if (r.state === 'overdue') {
    const next = r.nextTry !== undefined ? `; next try ${dateText(r.nextTry)}` : '';
    const error = r.lastError ? ` (${codeSpan(r.lastError, 60)})` : '';
    return `:warning: *revoke overdue* since ${dateText(r.overdueSince ?? r.exp)}: ${r.attempts ?? 0} failed attempt(s)${error}${next}`;
  }
  if (r.state === 'revoking') return ':hourglass_flowing_sand: being revoked now';
  if (r.state === 'ended') return `ended ${dateText(r.ended?.at ?? r.exp)}`;
  if (r.exp <= now) return ':hourglass_flowing_sand: expired; being revoked';
  return `until ${dateText(r.exp)} (${durationText(r.exp - now)} left)`;
};

export const grantText = (r: GrantRecord, now: number): string =>
  [
    `*${r.user.label}* · ${accessText(r)}`,
    stateLine(r, now),
    `Asked by <@${safe(r.requester.userId, 40)}>${r.extensions ? ` · extended ${r.extensions}×` : ''}${r.reason ? ` · “${safe(r.reason, 300)}”` : ''}`,
  ].join('\n');

const revokeButton = (r: GrantRecord): Button | undefined =>
  startButton(
    'Revoke now',
    ActionKeys.revokeGrant,
    { u: r.user.id, a: { grantId: r.id, kind: r.target.kind, key: r.target.key } },
    'danger',
  );

/** One grant; with Revoke now while it still runs and the viewer may end it. */
export const grantItem = (r: GrantRecord, now: number, canRevoke: boolean): Block => {
  const button = canRevoke && r.state === 'active' && r.exp > now ? revokeButton(r) : undefined;
  return section(grantText(r, now), button);
};

/** `/authgear grants [who]`: the grants that have not ended, soonest end first. */
export const grantsListMessage = (
  records: readonly GrantRecord[],
  options: { readonly now: number; readonly canRevoke: boolean; readonly whose?: string | undefined },
): ReplyMessage => {
  const title = options.whose ? `Time-boxed grants of ${options.whose}` : 'Time-boxed grants';
  if (records.length === 0)
    return { text: `${title}: none`, blocks: [section(`*${title}*\nNo grants are running.`)] };
  const overdue = records.filter((r) => r.state === 'overdue').length;
  const shown = records.slice(0, GRANTS_SHOWN);
  const blocks: Block[] = [
    header(`${title} (${records.length})`),
    ...(overdue > 0
      ? [
          context([
            `:warning: ${overdue} revoke(s) overdue: Authgear did not answer; the bot keeps retrying.`,
          ]),
        ]
      : []),
    ...shown.map((r) => grantItem(r, options.now, options.canRevoke)),
    ...(records.length > shown.length ? [context([`Showing ${shown.length} of ${records.length}.`])] : []),
  ];
  return { text: `${title}: ${records.length}`, blocks: capBlocks(blocks) };
};

/**
 * The requester's DM shortly before a grant ends, with only the buttons they may use: Extend (a new request, approved
 * like the grant; `extendMs` undefined when they may not extend it) and Revoke now (`canRevoke`). A click is
 * checked again on the server whatever the DM showed.
 */
export const grantReminderMessage = (
  r: GrantRecord,
  options: { readonly now: number; readonly extendMs: number | undefined; readonly canRevoke: boolean },
): { text: string; blocks: Block[] } => {
  const left = durationText(r.exp - options.now);
  const text = `Your grant of ${r.target.kind} ${r.target.key} ends in ${left}`;
  const buttons = [
    options.extendMs === undefined
      ? undefined
      : startButton(
          `Extend by ${durationText(options.extendMs)}`,
          ActionKeys.extendGrant,
          {
            u: r.user.id,
            a: { grantId: r.id, kind: r.target.kind, key: r.target.key, durationMs: options.extendMs },
          },
          'primary',
        ),
    options.canRevoke ? revokeButton(r) : undefined,
  ].filter((b): b is Button => b !== undefined);
  return {
    text,
    blocks: [
      section(
        `:alarm_clock: The grant of ${accessText(r)} to *${r.user.label}* ends ${dateText(r.exp)} (in ${left}). It is taken back then.`,
      ),
      ...(buttons.length > 0 ? [{ type: 'actions' as const, elements: buttons }] : []),
      context([
        options.extendMs === undefined
          ? 'The policy does not let you extend it: ask someone who may grant it for a new grant if you still need it.'
          : 'Extending asks again, with the same approval as a new grant.',
      ]),
    ],
  };
};
