/**
 * Block Kit for Authgear's own audit log: batches streamed to the audit channel, and pages of `/authgear audit`.
 * Pure; everything from Authgear goes through safe(). Entries carry no `data` (it may hold mutation inputs).
 */
import { decodeNodeId } from '../authgear/node-id.js';
import type { AuditLogEntry } from '../authgear/operations/audit-logs.js';
import { type Block, context, escapeText, LIMITS, safe, section, slackDate, truncate } from './primitives.js';

/** Entries per streamed message: lines are packed into sections, so 50 stay far below the block limit. */
export const MAX_LOG_ENTRIES_PER_MESSAGE = 50;
const MAX_LINE = 290;

const ACTIVITY = /^[A-Z0-9_]{1,80}$/;

const activity = (type: string): string => (ACTIVITY.test(type) ? `\`${type}\`` : safe(type, 80));

/** Who an entry is about: email, phone or username, else the raw user ID; none → the project. */
export const entrySubject = (entry: AuditLogEntry): string | undefined => {
  const user = entry.user;
  if (!user) return undefined;
  const attrs = user.standardAttributes;
  for (const name of ['email', 'phone_number', 'preferred_username']) {
    const value = attrs[name];
    if (typeof value === 'string' && value !== '') return value;
  }
  return decodeNodeId(user.id)?.rawId ?? user.id;
};

const MESSAGE_TYPE = /^[a-z0-9_]{1,60}$/;

/** A delivery names its address and message type (it has no user); anything else names its subject. */
const subjectText = (entry: AuditLogEntry): string => {
  if (entry.recipient !== undefined) {
    const type = entry.messageType && MESSAGE_TYPE.test(entry.messageType) ? ` (${entry.messageType})` : '';
    return `to ${safe(entry.recipient, 120)}${type}`;
  }
  const subject = entrySubject(entry);
  return subject === undefined ? 'project' : safe(subject, 120);
};

/** One line per entry: type, subject (or a delivery's address), time, IP and client. */
export const auditLogLine = (entry: AuditLogEntry): string => {
  return truncate(
    [
      activity(entry.activityType),
      subjectText(entry),
      slackDate(entry.createdAt),
      entry.ipAddress ? `IP ${safe(entry.ipAddress, 60)}` : undefined,
      entry.clientID ? `client ${safe(entry.clientID, 60)}` : undefined,
    ]
      .filter((p): p is string => p !== undefined)
      .join(' · '),
    MAX_LINE,
  );
};

/** Packs lines into as few sections as Slack's section text limit allows. */
const packLines = (lines: readonly string[]): Block[] => {
  const blocks: Block[] = [];
  let current: string[] = [];
  let size = 0;
  for (const line of lines) {
    if (current.length > 0 && size + line.length + 1 > LIMITS.sectionText) {
      blocks.push(section(current.join('\n')));
      current = [];
      size = 0;
    }
    current.push(line);
    size += line.length + 1;
  }
  if (current.length > 0) blocks.push(section(current.join('\n')));
  return blocks;
};

export interface AuditLogMessage {
  readonly text: string;
  readonly blocks: Block[];
}

const streamHeading = (count: number): string =>
  `:scroll: Authgear audit log · ${count} ${count === 1 ? 'entry' : 'entries'}`;

/**
 * How many of `entries`, from the first, one streamed message carries: at most MAX_LOG_ENTRIES_PER_MESSAGE, and no
 * more block text than LIMITS.blockTextPerMessage (Slack refuses more with `msg_blocks_too_long`); at least one.
 */
export const auditLogEntriesThatFit = (entries: readonly AuditLogEntry[]): number => {
  let size = streamHeading(entries.length).length;
  let count = 0;
  for (const entry of entries.slice(0, MAX_LOG_ENTRIES_PER_MESSAGE)) {
    size += auditLogLine(entry).length + 1;
    if (count > 0 && size > LIMITS.blockTextPerMessage) break;
    count += 1;
  }
  return Math.max(1, count);
};

/** A streamed batch for the audit channel, oldest first. Throws on an empty or oversized batch (never drop). */
export const auditLogStreamMessage = (entries: readonly AuditLogEntry[]): AuditLogMessage => {
  if (entries.length === 0) throw new Error('auditLogStreamMessage needs at least one entry');
  if (entries.length > MAX_LOG_ENTRIES_PER_MESSAGE)
    throw new Error(`auditLogStreamMessage takes at most ${MAX_LOG_ENTRIES_PER_MESSAGE} entries`);
  const lines = entries.map(auditLogLine);
  const noun = entries.length === 1 ? 'entry' : 'entries';
  return {
    text: `Authgear audit log: ${entries.length} ${noun}`,
    blocks: [context([streamHeading(entries.length)]), ...packLines(lines)],
  };
};

/** The text-only form of a batch, for when Slack rejects the blocks: every entry still appears. */
export const auditLogStreamText = (entries: readonly AuditLogEntry[]): string =>
  truncate(
    [`Authgear audit log: ${entries.length} entries`, ...entries.map(auditLogLine)].join('\n'),
    LIMITS.messageText,
  );

export interface AuditLogPageView {
  /** The user the page is about (raw label; escaped here), or undefined for the whole project. */
  readonly who?: string | undefined;
  readonly types: readonly string[];
  /** The `--since` text as typed (already validated), if any. */
  readonly since?: string | undefined;
  /** The addresses whose message deliveries are included (a user's emails and phones), escaped here. */
  readonly addresses?: readonly string[];
  readonly entries: readonly AuditLogEntry[];
  /** The exact command for the next page (built from validated tokens only), when there is one. */
  readonly nextCommand?: string | undefined;
}

/** A page of `/authgear audit`, newest first, with the command that shows the next page. */
export const auditLogPage = (view: AuditLogPageView): AuditLogMessage => {
  const scope = view.who === undefined ? 'the project' : safe(view.who, 200);
  const filters = [
    view.types.length > 0 ? `types ${view.types.map(activity).join(', ')}` : undefined,
    view.since ? `last ${safe(view.since, 20)}` : undefined,
  ].filter((f): f is string => f !== undefined);
  const title = `*Authgear audit log for ${scope}*${filters.length > 0 ? ` (${filters.join(' · ')})` : ''}`;
  const addresses =
    view.addresses && view.addresses.length > 0
      ? [context([`Includes messages sent to ${view.addresses.map((a) => safe(a, 120)).join(', ')}.`])]
      : [];
  if (view.entries.length === 0) {
    return { text: 'No audit log entries', blocks: [section(`${title}\nNo entries match.`), ...addresses] };
  }
  const blocks: Block[] = [section(title), ...addresses, ...packLines(view.entries.map(auditLogLine))];
  if (view.nextCommand) {
    blocks.push(context([`More entries: run \`${escapeText(view.nextCommand)}\``]));
  }
  return { text: `Authgear audit log for ${scope}`, blocks };
};
