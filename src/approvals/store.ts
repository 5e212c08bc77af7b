/**
 * The approvals store: every state change is one atomic transition, so double clicks, concurrent approvers and
 * several replicas lead to exactly one execution. Time is always passed in (`now`); stores never read the clock.
 *
 * States: pending → executing (approved and claimed in one step) → executed | failed;
 * pending → rejected | expired | cancelled; executing past its lease → unknown (never re-run).
 */
import { AppError, type ErrorCode } from '../errors.js';
import type { ApprovalRecord, ApprovalResult } from './record.js';

export const refusalReasons = [
  'not_found',
  'self_approval',
  'duplicate',
  'expired',
  'closed',
  'not_requester',
  'not_executor',
] as const;
export type RefusalReason = (typeof refusalReasons)[number];

/**
 * A refused decision. `record` is the record as it stands (absent for `not_found`). `transitioned` is true when
 * this very call moved a pending record past its expiry to `expired`: that caller reports the expiry (card, audit).
 */
export interface Refused {
  kind: 'refused';
  reason: RefusalReason;
  record?: ApprovalRecord;
  transitioned?: boolean;
}

export type ApproveOutcome =
  /** Counted; more approvals are needed. */
  | { kind: 'recorded'; record: ApprovalRecord }
  /** This call supplied the last approval: the record is `executing` and only this caller holds `claim`. */
  | { kind: 'execute'; record: ApprovalRecord; claim: string }
  | Refused;

export type RejectOutcome = { kind: 'rejected'; record: ApprovalRecord } | Refused;
export type CancelOutcome = { kind: 'cancelled'; record: ApprovalRecord } | Refused;
export type CompleteOutcome = { kind: 'completed'; record: ApprovalRecord } | Refused;

export interface ApproveInput {
  userId: string;
  comment?: string;
  now: Date;
  /** How long the executor may take before the record is swept to `unknown`. */
  leaseMs: number;
}

export interface ApprovalStore {
  /** Stores a new pending record (see `newApprovalRecord`); throws `state.conflict` if the ID exists. */
  create(record: ApprovalRecord): Promise<ApprovalRecord>;
  /** The record, or `undefined` when it does not exist (or has outlived its retention). */
  get(id: string): Promise<ApprovalRecord | undefined>;
  approve(id: string, input: ApproveInput): Promise<ApproveOutcome>;
  /** Any approver but the requester (who cancels instead) may reject a pending request. */
  reject(id: string, input: { userId: string; reason?: string; now: Date }): Promise<RejectOutcome>;
  /** Only the requester, only while pending. */
  cancel(id: string, input: { userId: string; now: Date }): Promise<CancelOutcome>;
  /** executing → executed (result.ok) | failed, only with the claim handed out by `approve`. */
  complete(id: string, input: { claim: string; result: ApprovalResult; now: Date }): Promise<CompleteOutcome>;
  /**
   * Moves overdue records: pending past expiry → expired, executing past lease → unknown. Returns the records
   * this call moved; concurrent sweepers never both return the same record. Examines at most `limit` candidates.
   */
  sweep(now: Date, limit: number): Promise<ApprovalRecord[]>;
  /** Pending records, most recent first; with `now`, those already past expiry are left out. */
  listPending(options: { limit: number; now?: Date }): Promise<ApprovalRecord[]>;
  /** A requester's records (any state, within retention), most recent first. */
  listByRequester(userId: string, limit: number): Promise<ApprovalRecord[]>;
  close(): Promise<void>;
}

/** Default time terminal records are kept before they expire. */
export const DEFAULT_RETENTION_MS = 7 * 24 * 60 * 60 * 1000;

const refusalCodes: Record<RefusalReason, { code: ErrorCode; message: string }> = {
  not_found: { code: 'approval.not_found', message: 'This approval request no longer exists.' },
  self_approval: { code: 'approval.self_approval', message: 'You cannot decide on your own request.' },
  duplicate: { code: 'approval.duplicate', message: 'You have already approved this request.' },
  expired: { code: 'approval.expired', message: 'This approval request has expired.' },
  closed: { code: 'approval.closed', message: 'This approval request has already been decided.' },
  not_requester: { code: 'approval.not_requester', message: 'Only the requester can cancel this request.' },
  not_executor: { code: 'state.conflict', message: 'This approval is being handled elsewhere.' },
};

/** The AppError a handler shows for a refusal. */
export const refusalError = (refused: Refused, approvalId?: string): AppError => {
  const { code, message } = refusalCodes[refused.reason];
  return new AppError(code, message, {
    details: { approvalId: approvalId ?? refused.record?.id, state: refused.record?.state },
  });
};
