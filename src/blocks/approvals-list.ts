/**
 * Approvals as lists: what waits on the viewer (Approve / Reject) and the viewer's own requests (Cancel while
 * pending). Used by `/authgear approvals` and, item by item, by the App Home. Pure: data in, blocks out.
 * `summary` and `target.label` are already escaped by the action; what a person typed goes through safe().
 */
import type { ApprovalRecord } from '../approvals/record.js';
import type { ReplyMessage } from '../slack/reply.js';
import { ActionIds, BlockIds } from './ids.js';
import { approvalIdValue } from './payloads.js';
import {
  type Block,
  button,
  capBlocks,
  context,
  itemsWithin,
  LIMITS,
  safe,
  section,
  slackDate,
} from './primitives.js';
import { type ListedUser, listedLabel, shortStatus } from './user-list.js';

/** The users requests target, as they are at `now` (one `nodes` query); null when Authgear no longer has one. */
export interface TargetsNow {
  readonly users: ReadonlyMap<string, ListedUser | null>;
  readonly now: Date;
}

/** "Target now: …": what an approver should see before deciding (the request was made on the state back then). */
const targetLine = (r: ApprovalRecord, targets: TargetsNow | undefined): string[] => {
  const id = r.target?.userId;
  if (id === undefined || targets === undefined || !targets.users.has(id)) return [];
  const user = targets.users.get(id);
  return user
    ? [`Target now: ${listedLabel(user)} · ${shortStatus(user, targets.now)}`]
    : ['Target now: :ghost: no longer in Authgear'];
};

/** Items shown per list in one message (two blocks each; Slack allows 50 blocks per message). */
export const LIST_SHOWN = 10;

const STATE: Record<ApprovalRecord['state'], string> = {
  pending: ':hourglass_flowing_sand: waiting for approval',
  approved: ':white_check_mark: approved',
  executing: ':gear: approved, running',
  executed: ':white_check_mark: approved and done',
  failed: ':x: approved, but it failed',
  rejected: ':no_entry: rejected',
  expired: ':alarm_clock: expired',
  cancelled: ':leftwards_arrow_with_hook: cancelled',
  unknown: ':grey_question: outcome unknown: check Authgear',
};

/** A short, human label for an approval state. */
export const stateLabel = (state: ApprovalRecord['state']): string => STATE[state];

const reasonLine = (r: ApprovalRecord): string[] => (r.reason ? [`Reason: ${safe(r.reason, 500)}`] : []);

/** One request waiting on the viewer, with Approve and Reject (the same buttons as on the card). */
export const waitingItem = (r: ApprovalRecord, targets?: TargetsNow): Block[] => [
  section(
    [
      `*${r.summary}*`,
      `Requested by <@${safe(r.requester.userId, 40)}> ${slackDate(r.createdAt)}`,
      ...targetLine(r, targets),
      ...reasonLine(r),
      `Approvals: ${r.approvals.length} of ${r.required} · expires ${slackDate(r.expiresAt)}`,
    ].join('\n'),
  ),
  {
    type: 'actions',
    block_id: BlockIds.waitingItem(r.id),
    elements: [
      button('Approve', ActionIds.approve, approvalIdValue.encode(r.id), 'primary'),
      button('Reject', ActionIds.reject, approvalIdValue.encode(r.id), 'danger'),
    ],
  },
];

/** One of the viewer's own requests with its state; Cancel while it is still pending. */
export const requestItem = (r: ApprovalRecord, targets?: TargetsNow): Block[] => {
  const details = [
    `*${r.summary}*`,
    `Asked ${slackDate(r.createdAt)} · ${stateLabel(r.state)}`,
    ...(r.state === 'pending' ? targetLine(r, targets) : []),
    ...(r.state === 'pending' ? [`Approvals: ${r.approvals.length} of ${r.required}`] : []),
    ...(r.rejection?.reason ? [`Rejected: ${safe(r.rejection.reason, 500)}`] : []),
  ];
  const blocks: Block[] = [section(details.join('\n'))];
  if (r.state === 'pending')
    blocks.push({
      type: 'actions',
      block_id: BlockIds.requestItem(r.id),
      elements: [button('Cancel request', ActionIds.cancelRequest, approvalIdValue.encode(r.id))],
    });
  return blocks;
};

/** "Showing 10 of 14." when a list was cut. */
export const moreNote = (shown: number, total: number): Block[] =>
  total > shown ? [context([`Showing ${shown} of ${total}.`])] : [];

export interface ApprovalsList {
  /** Pending requests the viewer may decide (never their own). */
  readonly waiting: readonly ApprovalRecord[];
  /** The viewer's own requests that are still pending. */
  readonly mine: readonly ApprovalRecord[];
  /** The targets as they are now, or 'unavailable' when Authgear could not be read. */
  readonly targets?: TargetsNow | 'unavailable' | undefined;
}

const UNAVAILABLE = context([
  ':warning: The current state of the users these requests target could not be read.',
]);
const known = (targets: TargetsNow | 'unavailable' | undefined): TargetsNow | undefined =>
  targets === 'unavailable' ? undefined : targets;

/** Block text each of the two lists may take, so the message stays under LIMITS.blockTextPerMessage. */
const LIST_TEXT_BUDGET = LIMITS.blockTextPerMessage / 2 - 200;

/** Up to LIST_SHOWN items, as many as fit the list's share of the text, and a note when some are left out. */
const listBlocks = (records: readonly ApprovalRecord[], item: (r: ApprovalRecord) => Block[]): Block[] => {
  const shown = itemsWithin(records.slice(0, LIST_SHOWN).map(item), LIST_TEXT_BUDGET);
  return [...shown.flat(), ...moreNote(shown.length, records.length)];
};

/** `/authgear approvals`: what waits on me, and my pending requests (with Cancel). */
export const approvalsListMessage = ({ waiting, mine, targets }: ApprovalsList): ReplyMessage => {
  const blocks: Block[] = [section(`*Waiting on you* (${waiting.length})`)];
  if (waiting.length === 0) blocks.push(context(['Nothing waits on your approval.']));
  if (targets === 'unavailable') blocks.push(UNAVAILABLE);
  blocks.push(...listBlocks(waiting, (r) => waitingItem(r, known(targets))));
  blocks.push(section(`*Your pending requests* (${mine.length})`));
  if (mine.length === 0) blocks.push(context(['You have no requests waiting for approval.']));
  blocks.push(...listBlocks(mine, (r) => requestItem(r, known(targets))));
  return {
    text: `Approvals: ${waiting.length} waiting on you, ${mine.length} of yours pending`,
    blocks: capBlocks(blocks),
  };
};
