import { z } from 'zod';
import { ACTION_NAMES, type ActionName } from '../permissions/actions.js';

export type AuditEventType =
  | 'requested'
  | 'approved'
  | 'rejected'
  | 'cancelled'
  | 'expired'
  | 'executed'
  | 'failed'
  | 'unknown'
  | 'denied';

/** One thing that happened through the bot. Never carries a secret. */
export interface AuditEvent {
  readonly id: string;
  readonly type: AuditEventType;
  readonly at: string;
  readonly actor: { readonly userId: string; readonly name?: string | undefined };
  readonly action: ActionName;
  readonly actionKey: string;
  readonly target?: { readonly userId?: string | undefined; readonly label: string } | undefined;
  readonly summary: string;
  readonly approvalId?: string | undefined;
  readonly approvalLink?: string | undefined;
  readonly errorCode?: string | undefined;
  readonly reason?: string | undefined;
}

const optional = z.string().optional();

/** The stored form of an AuditEvent (Redis outbox), parsed on every read. */
export const auditEventSchema = z.object({
  id: z.string(),
  type: z.enum([
    'requested',
    'approved',
    'rejected',
    'cancelled',
    'expired',
    'executed',
    'failed',
    'unknown',
    'denied',
  ]),
  at: z.string(),
  actor: z.object({ userId: z.string(), name: optional }),
  action: z.enum(ACTION_NAMES),
  actionKey: z.string(),
  target: z.object({ userId: optional, label: z.string() }).optional(),
  summary: z.string(),
  approvalId: optional,
  approvalLink: optional,
  errorCode: optional,
  reason: optional,
}) satisfies z.ZodType<AuditEvent>;

/** Where audit events go. `record` never throws: delivery problems are the sink's to handle and log. */
export interface AuditSink {
  record(event: AuditEvent): Promise<void>;
}
