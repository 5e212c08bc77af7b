/**
 * The approval record: one four-eyes request, versioned and zod-parsed on every read.
 * Stores keep it as data; state changes happen only through `ApprovalStore` transitions.
 */
import { z } from 'zod';
import { AppError } from '../errors.js';

export const APPROVAL_SCHEMA_VERSION = 1;

export const approvalStates = [
  'pending',
  'approved',
  'executing',
  'executed',
  'failed',
  'rejected',
  'expired',
  'cancelled',
  'unknown',
] as const;
export type ApprovalState = (typeof approvalStates)[number];

/** States a record never leaves. */
export const terminalStates: ReadonlySet<ApprovalState> = new Set([
  'executed',
  'failed',
  'rejected',
  'expired',
  'cancelled',
  'unknown',
]);

/** Approval IDs are short and URL-safe, so they are safe inside Redis hash tags and Slack values. */
export const approvalIdSchema = z.string().regex(/^[A-Za-z0-9_-]{6,64}$/);

const isoTime = z.iso.datetime();

export const approvalEntrySchema = z.object({
  userId: z.string().min(1),
  at: isoTime,
  comment: z.string().optional(),
});

export const approvalRecordSchema = z.object({
  schemaVersion: z.literal(APPROVAL_SCHEMA_VERSION),
  id: approvalIdSchema,
  action: z.string().min(1),
  actionKey: z.string().min(1),
  input: z.record(z.string(), z.unknown()),
  target: z.object({ userId: z.string().optional(), label: z.string() }).optional(),
  summary: z.string(),
  requester: z.object({
    userId: z.string().min(1),
    teamId: z.string().optional(),
    name: z.string().optional(),
  }),
  reason: z.string().optional(),
  /**
   * Set when the requester may not see users: what they typed, and the summary they are shown. Everything the
   * requester is told (the result, a failure, a rejection, an expiry) uses this; approvers and the audit see the rest.
   */
  requesterView: z.object({ typed: z.string(), summary: z.string() }).optional(),
  approverRoles: z.array(z.string()),
  required: z.number().int().min(1),
  approvals: z.array(approvalEntrySchema),
  rejection: z.object({ userId: z.string().min(1), at: isoTime, reason: z.string().optional() }).optional(),
  cancelledAt: isoTime.optional(),
  state: z.enum(approvalStates),
  createdAt: isoTime,
  expiresAt: isoTime,
  leaseUntil: isoTime.optional(),
  executor: z.string().optional(),
  result: z
    .object({ ok: z.boolean(), message: z.string().optional(), errorCode: z.string().optional() })
    .optional(),
  card: z
    .object({ channel: z.string().min(1), ts: z.string().min(1), link: z.string().url().optional() })
    .optional(),
  revision: z.number().int().min(0),
});

export type ApprovalRecord = z.infer<typeof approvalRecordSchema>;
export type ApprovalEntry = z.infer<typeof approvalEntrySchema>;
export type ApprovalResult = NonNullable<ApprovalRecord['result']>;
export type ApprovalCard = NonNullable<ApprovalRecord['card']>;

/** What a caller supplies to open a request; the rest is filled in by `newApprovalRecord`. */
export type ApprovalRequest = Pick<
  ApprovalRecord,
  | 'action'
  | 'actionKey'
  | 'input'
  | 'target'
  | 'summary'
  | 'requester'
  | 'reason'
  | 'requesterView'
  | 'approverRoles'
  | 'required'
>;

/** The summary the requester is shown: only what they typed when they may not see users. */
export const requesterSummary = (record: ApprovalRecord): string =>
  record.requesterView?.summary ?? record.summary;

/** Builds a fresh pending record (revision 1) that expires `ttlMs` after `now`. */
export const newApprovalRecord = (
  request: ApprovalRequest,
  { id, now, ttlMs }: { id: string; now: Date; ttlMs: number },
): ApprovalRecord =>
  parseApprovalRecord(
    {
      ...request,
      schemaVersion: APPROVAL_SCHEMA_VERSION,
      id,
      approvals: [],
      state: 'pending',
      createdAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + ttlMs).toISOString(),
      revision: 1,
    },
    id,
  );

/** Parses stored data into a record; anything that does not fit is a corrupt record, never a silent crash. */
export const parseApprovalRecord = (data: unknown, id: string): ApprovalRecord => {
  const parsed = approvalRecordSchema.safeParse(data);
  if (!parsed.success) {
    throw new AppError('internal', 'An approval record could not be read.', {
      cause: parsed.error,
      details: { approvalId: id, problem: z.prettifyError(parsed.error) },
    });
  }
  return parsed.data;
};

/** Throws the corrupt-record error for `id` (used when stored bytes are not even JSON). */
export const corruptRecord = (id: string, cause: unknown): AppError =>
  new AppError('internal', 'An approval record could not be read.', {
    cause,
    details: { approvalId: id, problem: cause instanceof Error ? cause.message : 'unreadable' },
  });
