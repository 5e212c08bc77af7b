/**
 * Wraps the audit sink (a decorator at the seam every outcome passes through): each audit event becomes one info
 * line a service owner can read (who, what, target ID, outcome, duration, reference) and moves the action and
 * approval counters. Events carry no secrets, so neither do these lines. An `executing` event (queued before the
 * mutation) is not an outcome: it moves only the approval counter and logs at debug level.
 */
import { type AuditEvent, type AuditSink, acceptAudit } from '../audit/event.js';
import type { AppLogger } from '../logger.js';
import type { Metrics } from './metrics.js';
import { currentRequest } from './request-context.js';

/** The approval state an audit event of an approval moves it into. */
const APPROVAL_STATE: Partial<Record<AuditEvent['type'], string>> = {
  requested: 'pending',
  approved: 'approved',
  rejected: 'rejected',
  cancelled: 'cancelled',
  expired: 'expired',
  executing: 'executing',
  executed: 'executed',
  failed: 'failed',
  unknown: 'unknown',
};

export interface OutcomeLogOptions {
  readonly metrics: Metrics;
  readonly logger: AppLogger;
  readonly now?: () => number;
}

export const observeOutcomes = (sink: AuditSink, options: OutcomeLogOptions): AuditSink => {
  const { metrics, logger } = options;
  const now = options.now ?? Date.now;
  const observe = (event: AuditEvent): void => {
    const request = currentRequest();
    const durationMs = request ? now() - request.startedAt : undefined;
    // A second approver's click is a decision, not an outcome of the action: counted, logged apart.
    const decision = event.type === 'approved';
    const executing = event.type === 'executing';
    if (!decision && !executing) metrics.actions.inc({ action: event.action, outcome: event.type });
    const state = event.approvalId ? APPROVAL_STATE[event.type] : undefined;
    if (state) metrics.approvals.inc({ state });
    const fields = {
      action: event.action,
      verb: event.actionKey,
      actor: event.actor.userId,
      targetId: event.target?.userId,
      durationMs,
      ref: event.id,
      approvalId: event.approvalId,
      errorCode: event.errorCode,
    };
    if (executing) logger.debug(fields, `action executing: ${event.actionKey}`);
    else
      logger.info(
        { outcome: event.type, ...fields },
        decision ? `approval decision: ${event.actionKey}` : `action ${event.type}: ${event.actionKey}`,
      );
  };
  return {
    async record(event) {
      observe(event);
      await sink.record(event);
    },
    async accept(event) {
      await acceptAudit(sink, event);
      observe(event);
    },
  };
};
