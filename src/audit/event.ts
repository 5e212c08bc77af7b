import { z } from 'zod';
import { isPolicyActionName, type PolicyActionName } from '../permissions/actions.js';

/** What happened: the event types, listed once. */
export const AUDIT_EVENT_TYPES = [
  'requested',
  'approved',
  'rejected',
  'cancelled',
  'expired',
  'executing',
  'executed',
  'failed',
  'unknown',
  'denied',
  /** A time-boxed grant's access was taken back before its time (Revoke now). */
  'revoked',
] as const;

const optional = z.string().optional();

/** One thing that happened through the bot. Never carries a secret. Stored in the Redis outbox and parsed on every read. */
export const auditEventSchema = z.object({
  id: z.string(),
  type: z.enum(AUDIT_EVENT_TYPES),
  at: z.string(),
  actor: z.object({ userId: z.string(), name: optional }),
  /** A fine action name; events written before the fine names may carry an alias (`group.manage`). */
  action: z.custom<PolicyActionName>((v) => typeof v === 'string' && isPolicyActionName(v), {
    error: 'unknown action name',
  }),
  actionKey: z.string(),
  target: z.object({ userId: optional, label: z.string() }).optional(),
  summary: z.string(),
  approvalId: optional,
  approvalLink: optional,
  errorCode: optional,
  reason: optional,
  /** What an approver wrote with "Approve with comment" (the requester's own words stay `reason`). */
  comment: optional,
  /** A denial repeated this many more times within a short window after the first (see coalesce-denials.ts). */
  repeated: z.number().int().positive().optional(),
});

export type AuditEvent = Readonly<z.output<typeof auditEventSchema>>;
export type AuditEventType = AuditEvent['type'];

/**
 * Where audit events go. `record` never throws: delivery problems are the sink's to handle (it keeps the event and
 * retries) and log. `accept` is the hand-off before a mutation: it resolves only once the event is durably queued
 * and throws an AppError (`audit.unavailable`) when it cannot be, so the caller changes nothing. A sink whose
 * `record` cannot fail (memory, the log) may leave `accept` out: `acceptAudit` then records.
 */
export interface AuditSink {
  record(event: AuditEvent): Promise<void>;
  accept?(event: AuditEvent): Promise<void>;
}

/** Queues an event that must be kept before anything changes (see `AuditSink.accept`); throws when it cannot be. */
export const acceptAudit = (sink: AuditSink, event: AuditEvent): Promise<void> =>
  sink.accept ? sink.accept(event) : sink.record(event);
