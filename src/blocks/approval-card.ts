/**
 * The approval card posted to the approvals channel and updated in place at every transition.
 * `summary` and `target.label` are already escaped by the action; everything a person typed goes through safe().
 */
import type { ApprovalRecord } from '../approvals/record.js';
import { ActionIds, BlockIds, CallbackIds } from './ids.js';
import { approvalIdValue } from './payloads.js';
import {
  type Block,
  button,
  codeSpan,
  context,
  LIMITS,
  type ModalView,
  plain,
  safe,
  section,
  slackDate,
} from './primitives.js';

export interface ApprovalCardMessage {
  readonly text: string;
  readonly blocks: Block[];
}

const mention = (userId: string): string => `<@${safe(userId, 40)}>`;

const STATUS: Record<ApprovalRecord['state'], string> = {
  pending: ':hourglass_flowing_sand: Waiting for approval',
  approved: ':white_check_mark: Approved',
  executing: ':gear: Approved — running now',
  executed: ':white_check_mark: Approved and done',
  failed: ':x: Approved, but it failed',
  rejected: ':no_entry: Rejected',
  expired: ':alarm_clock: Expired — nobody decided in time',
  cancelled: ':leftwards_arrow_with_hook: Cancelled by the requester',
  unknown: ':grey_question: Outcome unknown — check Authgear before retrying',
};

/** Who did what so far, one line each. */
const historyLines = (r: ApprovalRecord): string[] => {
  const lines = r.approvals.map(
    (a) =>
      `Approved by ${mention(a.userId)} ${slackDate(a.at)}${a.comment ? `: ${safe(a.comment, 500)}` : ''}`,
  );
  if (r.rejection) {
    const why = r.rejection.reason ? `: ${safe(r.rejection.reason, 500)}` : '';
    lines.push(`Rejected by ${mention(r.rejection.userId)} ${slackDate(r.rejection.at)}${why}`);
  }
  if (r.cancelledAt) lines.push(`Cancelled by ${mention(r.requester.userId)} ${slackDate(r.cancelledAt)}`);
  if (r.result && !r.result.ok && r.result.errorCode)
    lines.push(`Error: ${codeSpan(r.result.errorCode, 80)}`);
  return lines;
};

/** A clicked card whose request the store no longer has (removed, or past its retention): no buttons left. */
export const approvalGoneCard = (): ApprovalCardMessage => ({
  text: 'This approval request no longer exists.',
  blocks: [
    section('*Approval request* — :ghost: This request no longer exists.'),
    context([
      'Nothing can be decided on it any more. If it is still needed, ask the requester to start it again.',
    ]),
  ],
});

export const approvalCard = (r: ApprovalRecord): ApprovalCardMessage => {
  const status = STATUS[r.state];
  const blocks: Block[] = [
    section(`*Approval request* — ${r.summary}`),
    section(
      [
        `Requested by ${mention(r.requester.userId)}`,
        ...(r.target ? [`Target: ${r.target.label}`] : []),
        ...(r.reason ? [`Reason: ${safe(r.reason, 1000)}`] : []),
        `Approvals: ${r.approvals.length} of ${r.required}`,
      ].join('\n'),
    ),
    section(`*${status}*`),
  ];
  const history = historyLines(r);
  if (history.length > 0) blocks.push(context(history));
  if (r.state === 'pending') {
    const id = approvalIdValue.encode(r.id);
    blocks.push(context([`Expires ${slackDate(r.expiresAt)} · ID ${codeSpan(r.id, 64)}`]), {
      type: 'actions',
      block_id: BlockIds.approval,
      elements: [
        button('Approve', ActionIds.approve, id, 'primary'),
        button('Approve with comment', ActionIds.approveWithComment, id),
        button('Reject', ActionIds.reject, id, 'danger'),
        button('Cancel request', ActionIds.cancelRequest, id),
      ],
    });
  } else {
    blocks.push(context([`ID ${codeSpan(r.id, 64)}`]));
  }
  return { text: `Approval request: ${r.summary} — ${status.replace(/^:[a-z_]+: /, '')}`, blocks };
};

/** A decision that asks for text first: Reject (a reason) or Approve with comment. */
export type TextDecision = 'reject' | 'approve';

const DECISION_FORMS: Record<
  TextDecision,
  { callbackId: string; title: string; submit: string; blockId: string; label: string }
> = {
  reject: {
    callbackId: CallbackIds.rejectModal,
    title: 'Reject request',
    submit: 'Reject',
    blockId: BlockIds.reason,
    label: 'Reason (shown to the requester)',
  },
  approve: {
    callbackId: CallbackIds.approveModal,
    title: 'Approve request',
    submit: 'Approve',
    blockId: BlockIds.comment,
    label: 'Comment (shown on the card)',
  },
};

/** The form behind Reject and Approve with comment; `metadata` carries the approval ID and where to answer. */
export const decisionModal = (kind: TextDecision, metadata: string): ModalView => {
  const form = DECISION_FORMS[kind];
  return {
    type: 'modal',
    callback_id: form.callbackId,
    private_metadata: metadata,
    title: plain(form.title, LIMITS.modalTitle),
    submit: plain(form.submit, LIMITS.modalButton),
    close: plain('Back', LIMITS.modalButton),
    blocks: [
      {
        type: 'input',
        block_id: form.blockId,
        optional: true,
        label: plain(form.label),
        element: { type: 'plain_text_input', action_id: form.blockId, multiline: true, max_length: 1000 },
      },
    ],
  };
};

/** A decision form answered in place when the request can no longer be decided (decided, expired, gone). */
export const decisionNoticeModal = (kind: TextDecision, text: string): ModalView => ({
  type: 'modal',
  callback_id: DECISION_FORMS[kind].callbackId,
  title: plain(DECISION_FORMS[kind].title, LIMITS.modalTitle),
  close: plain('Close', LIMITS.modalButton),
  blocks: [section(`:information_source: ${text} Nothing was changed.`)],
});

/** The text typed into a decision form, if any. */
export const decisionText = (
  kind: TextDecision,
  values: Readonly<Record<string, Readonly<Record<string, { value?: string | null }>>>>,
): string | undefined => {
  const id = DECISION_FORMS[kind].blockId;
  return values[id]?.[id]?.value ?? undefined;
};
