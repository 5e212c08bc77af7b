import type { AppLogger } from '../logger.js';
import type { AuditSink } from './event.js';

/** For policies without an audit channel: events still reach the log (they carry no secrets). */
export const createLogAuditSink = (logger: AppLogger): AuditSink => ({
  async record(event) {
    logger.info(
      { auditEvent: event.id, type: event.type, action: event.action, actor: event.actor.userId },
      'audit event',
    );
  },
});
