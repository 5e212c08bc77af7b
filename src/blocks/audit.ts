/** Block Kit for audit-channel messages: one message may carry several events (a coalesced burst). Pure. */
import type { AuditEvent } from '../audit/event.js';
import { type Block, blockTextLength, context, LIMITS, safe, section, truncate } from './primitives.js';

/** Two blocks per event plus one summary line keeps a full batch within Slack's 50-block limit. */
export const MAX_AUDIT_EVENTS_PER_MESSAGE = Math.floor((LIMITS.blocksPerMessage - 1) / 2);

const ICONS: Record<AuditEvent['type'], string> = {
  requested: ':inbox_tray:',
  approved: ':white_check_mark:',
  rejected: ':x:',
  cancelled: ':leftwards_arrow_with_hook:',
  expired: ':hourglass:',
  executing: ':gear:',
  executed: ':heavy_check_mark:',
  failed: ':warning:',
  unknown: ':question:',
  denied: ':no_entry:',
  revoked: ':lock:',
};

/**
 * Escapes `&`, `<`, `>` without double-escaping: producers already pass summaries and labels through `safe()`, so
 * existing `&amp;`/`&lt;`/`&gt;` stay as they are while raw control characters are neutralised.
 */
export const escapeOnce = (text: string): string =>
  text
    .replace(/&(?!(?:amp|lt|gt);)/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');

/** Slack IDs and codes: only word characters, dots and dashes survive. */
const token = (text: string): string => text.replace(/[^\w.-]/g, '');

const SAFE_LINK = /^https:\/\/[^\s<>|]+$/;

/**
 * One line per event, each fact once and always under the same label: result and what (`*requested* Disable
 * alice`), then `action`, `by`, `target` (only when the summary does not already name it), `reason` (what a person
 * gave) or `denial` (the rule that refused), `comment` (an approver's note), and `error`.
 */
const eventLine = (e: AuditEvent): string => {
  const summary = escapeOnce(e.summary);
  const label = e.target ? escapeOnce(e.target.label) : undefined;
  return [
    `${ICONS[e.type]} *${e.type}* ${summary}`,
    `action \`${token(e.action)}\``,
    `by <@${token(e.actor.userId)}>`,
    label !== undefined && !summary.includes(label) ? `target ${label}` : undefined,
    e.reason
      ? e.type === 'denied'
        ? `denial \`${token(e.reason)}\``
        : `reason “${safe(e.reason, 300)}”`
      : undefined,
    e.comment ? `comment “${safe(e.comment, 300)}”` : undefined,
    e.errorCode ? `error \`${token(e.errorCode)}\`` : undefined,
    e.repeated ? `repeated ${e.repeated}× more within a minute of the first` : undefined,
  ]
    .filter((part): part is string => part !== undefined)
    .join(' · ');
};

const eventContext = (e: AuditEvent): string[] => [
  `<!date^${Math.floor(Date.parse(e.at) / 1000) || 0}^{date_short_pretty} {time_secs}|${escapeOnce(e.at)}>`,
  ...(e.approvalId ? [`approval \`${token(e.approvalId)}\``] : []),
  ...(e.approvalLink && SAFE_LINK.test(e.approvalLink) ? [`<${e.approvalLink}|open approval>`] : []),
  `event \`${token(e.id)}\``,
];

export interface AuditMessage {
  readonly text: string;
  readonly blocks: Block[];
}

/**
 * Plain fallback text (notifications, clients without blocks, and the whole message when Slack refuses the
 * blocks): every event's line, so nothing is lost from the audit trail.
 */
export const auditFallbackText = (events: readonly AuditEvent[]): string => {
  const lines = events.map(eventLine);
  return truncate(
    (events.length === 1 ? lines : [`${events.length} audit events`, ...lines]).join('\n'),
    LIMITS.messageText,
  );
};

const batchHeader = (count: number): Block => context([`:ledger: ${count} audit events`]);
const eventBlocks = (e: AuditEvent): Block[] => [section(eventLine(e)), context(eventContext(e))];

/**
 * How many of `events`, from the first, one message carries: at most MAX_AUDIT_EVENTS_PER_MESSAGE, and no more
 * block text than LIMITS.blockTextPerMessage (Slack's `msg_blocks_too_long`). Always at least one: a single event
 * stays far below it (one section of at most 3,000 characters and a short context line).
 */
export const auditEventsThatFit = (events: readonly AuditEvent[]): number => {
  let size = blockTextLength([batchHeader(events.length)]);
  let count = 0;
  for (const e of events.slice(0, MAX_AUDIT_EVENTS_PER_MESSAGE)) {
    size += blockTextLength(eventBlocks(e));
    if (count > 0 && size > LIMITS.blockTextPerMessage) break;
    count += 1;
  }
  return Math.max(1, count);
};

/**
 * Renders 1..MAX_AUDIT_EVENTS_PER_MESSAGE events in order (the caller takes `auditEventsThatFit` of its batch).
 * Throws on an empty or oversized batch: silently dropping an event from an audit trail is never right.
 */
export const auditMessage = (events: readonly AuditEvent[]): AuditMessage => {
  if (events.length === 0) throw new Error('auditMessage needs at least one event');
  if (events.length > MAX_AUDIT_EVENTS_PER_MESSAGE)
    throw new Error(`auditMessage takes at most ${MAX_AUDIT_EVENTS_PER_MESSAGE} events`);
  const blocks: Block[] = [];
  if (events.length > 1) blocks.push(batchHeader(events.length));
  for (const e of events) blocks.push(...eventBlocks(e));
  return { text: auditFallbackText(events), blocks };
};
