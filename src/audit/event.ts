import type { ActionName } from '../permissions/actions.js';

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

/** Where audit events go. `record` never throws: delivery problems are the sink's to handle and log. */
export interface AuditSink {
  record(event: AuditEvent): Promise<void>;
}
