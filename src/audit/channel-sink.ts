import type { webApi } from '@slack/bolt';
import type { AppLogger } from '../logger.js';
import type { AuditEvent, AuditSink } from './event.js';

const ICONS: Record<AuditEvent['type'], string> = {
  requested: ':inbox_tray:',
  approved: ':white_check_mark:',
  rejected: ':x:',
  cancelled: ':leftwards_arrow_with_hook:',
  expired: ':hourglass:',
  executed: ':heavy_check_mark:',
  failed: ':warning:',
  unknown: ':question:',
  denied: ':no_entry:',
};

/** Plain audit line (all parts already escaped by their producers or IDs). */
export const auditLine = (e: AuditEvent): string =>
  [
    `${ICONS[e.type]} *${e.type}* \`${e.action}\` by <@${e.actor.userId}>`,
    e.target ? `on ${e.target.label}` : undefined,
    `— ${e.summary}`,
    e.errorCode ? `(error \`${e.errorCode}\`)` : undefined,
    e.reason && e.type === 'denied' ? `(reason \`${e.reason}\`)` : undefined,
    e.approvalLink ? `<${e.approvalLink}|approval>` : undefined,
  ]
    .filter(Boolean)
    .join(' ');

/** Posts each event as one line to the audit channel; a failed post is logged at error level with the event ID. */
export const createChannelAuditSink = (
  client: webApi.WebClient,
  channel: string | undefined,
  logger: AppLogger,
): AuditSink => ({
  async record(event) {
    if (channel === undefined) {
      logger.info(
        { auditEvent: event.id, type: event.type, action: event.action },
        'audit event (no audit channel set)',
      );
      return;
    }
    try {
      await client.chat.postMessage({
        channel,
        text: auditLine(event),
        unfurl_links: false,
        unfurl_media: false,
      });
    } catch (e) {
      logger.error(
        { auditEvent: event.id, type: event.type, err: (e as Error).name },
        'audit event could not be posted',
      );
    }
  },
});
