/**
 * `/authgear audit [who] [--type T] [--since 7d] [--after cursor --until time]`: recent entries of Authgear's own
 * audit log for one user or the whole project, newest first, 20 per page. For a user it also shows the messages
 * sent to their emails and phones (Authgear logs deliveries with no user, only the recipient:
 * pkg/lib/audit/read_store.go). The next page is one more command (shown under the list with `--after` and the
 * `--until` pinned at the first page, since Authgear's offset cursors shift when entries arrive), so paging needs
 * no new handler.
 */
import { decodeNodeId, isUuid } from '../authgear/node-id.js';
import {
  AUDIT_LOG_ACTIVITY_TYPES,
  type AuditLogActivityType,
  auditLogEdges,
  isAuditLogActivityType,
  listAuditLogs,
} from '../authgear/operations/audit-logs.js';
import type { AuthgearUser } from '../authgear/operations/user-fields.js';
import { auditLogPage } from '../blocks/audit-log.js';
import { safe } from '../blocks/primitives.js';
import { displayName } from '../blocks/user-card.js';
import { parseDuration } from '../config/duration.js';
import { AppError } from '../errors.js';
import type { QueryContext, QueryVerb } from './types.js';

export const AUDIT_PAGE_SIZE = 20;
const USAGE = 'Usage: `/authgear audit [who] [--type TYPE] [--since 7d]`';
const CURSOR = /^[A-Za-z0-9_=+/.-]{1,512}$/;
const UNTIL = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{3})?Z$/;
const MAX_TYPES = 10;

export interface AuditArgs {
  readonly who: string | undefined;
  readonly types: readonly AuditLogActivityType[];
  readonly since: string | undefined;
  readonly sinceMs: number | undefined;
  readonly after: string | undefined;
  /** The page range's end, pinned when the first page was read (only with `--after`). */
  readonly until: string | undefined;
}

const suggestions = (typed: string): string => {
  const words = typed.split('_').filter((w) => w.length > 2);
  const score = (t: string): number => words.reduce((n, w) => n + (t.includes(w) ? w.length : 0), 0);
  const near = AUDIT_LOG_ACTIVITY_TYPES.filter((t) => score(t) > 0)
    .sort((a, b) => score(b) - score(a) || a.length - b.length)
    .slice(0, 3);
  const shown = near.length > 0 ? near : ['USER_AUTHENTICATED', 'USER_DISABLED', 'USER_PROFILE_UPDATED'];
  return shown.map((t) => `\`${t}\``).join(', ');
};

const parseTypes = (value: string): AuditLogActivityType[] => {
  const out: AuditLogActivityType[] = [];
  for (const raw of value.split(',').filter(Boolean)) {
    const name = raw.trim().toUpperCase().replace(/-/g, '_');
    if (!isAuditLogActivityType(name)) {
      throw new AppError(
        'input.invalid',
        `Authgear has no audit log type "${safe(raw, 60)}". Did you mean ${suggestions(name)}?`,
      );
    }
    if (!out.includes(name)) out.push(name);
  }
  return out;
};

/** Parses the verb's arguments; throws input.usage / input.invalid with a kind message. */
export const parseAuditArgs = (args: readonly string[]): AuditArgs => {
  const who: string[] = [];
  const types: AuditLogActivityType[] = [];
  let since: string | undefined;
  let sinceMs: number | undefined;
  let after: string | undefined;
  let until: string | undefined;
  for (let i = 0; i < args.length; i += 1) {
    const token = args[i] ?? '';
    const flag = /^--(type|since|after|until)(?:=(.*))?$/.exec(token);
    if (!flag) {
      if (token.startsWith('--')) throw new AppError('input.usage', USAGE);
      who.push(token);
      continue;
    }
    let value = flag[2];
    if (value === undefined) {
      i += 1;
      value = args[i];
    }
    if (value === undefined || value === '') throw new AppError('input.usage', USAGE);
    if (flag[1] === 'type') {
      for (const t of parseTypes(value)) if (!types.includes(t)) types.push(t);
    } else if (flag[1] === 'since') {
      sinceMs = parseDuration(value);
      if (sinceMs === undefined)
        throw new AppError('input.invalid', 'Give `--since` as a duration such as `90m`, `24h` or `7d`.');
      since = value;
    } else if (flag[1] === 'until') {
      if (!UNTIL.test(value) || Number.isNaN(Date.parse(value)))
        throw new AppError('input.invalid', 'Give `--until` as a UTC time such as `2026-05-01T09:00:00Z`.');
      until = value;
    } else {
      if (!CURSOR.test(value))
        throw new AppError('input.invalid', 'That `--after` value is not a page cursor.');
      after = value;
    }
  }
  if (types.length > MAX_TYPES)
    throw new AppError('input.invalid', `Filter by at most ${MAX_TYPES} types at a time.`);
  return { who: who.length > 0 ? who.join(' ') : undefined, types, since, sinceMs, after, until };
};

/** The exact command for the next page; every part is validated, so it is safe to show verbatim. */
export const nextPageCommand = (
  whoToken: string | undefined,
  args: AuditArgs,
  cursor: string,
  until: string,
): string | undefined => {
  if (!CURSOR.test(cursor) || !UNTIL.test(until)) return undefined;
  return [
    '/authgear audit',
    whoToken,
    args.types.length > 0 ? `--type ${args.types.join(',')}` : undefined,
    args.since ? `--since ${args.since}` : undefined,
    `--after ${cursor}`,
    `--until ${until}`,
  ]
    .filter((p): p is string => p !== undefined)
    .join(' ');
};

const resolveUser = async (ctx: QueryContext, who: string) => {
  const found = await ctx.users.resolve(who, ctx.auditContext);
  if (found.kind === 'none')
    throw new AppError(
      'user.not_found',
      'No Authgear user matches that. Check the spelling, or try `/authgear search`.',
    );
  if (found.kind === 'many')
    throw new AppError('user.ambiguous', 'Several users match that. Name them by email or Authgear ID.');
  return found.user;
};

/** A token that names the user exactly in a later command: the raw UUID, else the node ID. */
const exactWho = (nodeId: string): string | undefined => {
  const raw = decodeNodeId(nodeId)?.rawId;
  if (raw !== undefined && isUuid(raw)) return raw;
  return /^[A-Za-z0-9_-]{1,200}$/.test(nodeId) ? nodeId : undefined;
};

/**
 * The addresses Authgear would have sent messages to for this user: the emails and phones of their identities
 * and profile (deliveries are found by recipient, and recipients are stored as normalized).
 */
export const addressesOf = (user: AuthgearUser): { emails: string[]; phones: string[] } => {
  const emails = new Set<string>();
  const phones = new Set<string>();
  const add = (email: unknown, phone: unknown) => {
    if (typeof email === 'string' && email !== '') emails.add(email);
    if (typeof phone === 'string' && phone !== '') phones.add(phone);
  };
  for (const i of user.identities.nodes)
    if (i.type === 'LOGIN_ID' || i.type === 'OAUTH') add(i.claims.email, i.claims.phone_number);
  add(user.standardAttributes.email, user.standardAttributes.phone_number);
  return { emails: [...emails], phones: [...phones] };
};

/**
 * Where a page range ends: pinned on the first page at the start of the current second (Authgear keeps whole
 * seconds, so an entry written later this second cannot slip in below it), carried by later pages.
 */
const pinnedUntil = (args: AuditArgs, now: Date): string =>
  args.until ?? new Date(Math.floor(now.getTime() / 1000) * 1000).toISOString();

export const auditQuery: QueryVerb = {
  verbs: ['audit'],
  permission: 'audit.view',
  usage: 'audit [who] [--type T] [--since 7d]',
  description: 'show recent Authgear audit log entries for a user or the project',
  async run(ctx, args) {
    const parsed = parseAuditArgs(args);
    const user = parsed.who === undefined ? undefined : await resolveUser(ctx, parsed.who);
    const addresses = user ? addressesOf(user) : { emails: [], phones: [] };
    const until = pinnedUntil(parsed, ctx.now);
    const data = await ctx.api.run(
      listAuditLogs,
      {
        first: AUDIT_PAGE_SIZE,
        after: parsed.after ?? null,
        activityTypes: parsed.types.length > 0 ? [...parsed.types] : null,
        userIDs: user ? [user.id] : null,
        emailAddresses: addresses.emails.length > 0 ? addresses.emails : null,
        phoneNumbers: addresses.phones.length > 0 ? addresses.phones : null,
        rangeFrom:
          parsed.sinceMs === undefined ? null : new Date(ctx.now.getTime() - parsed.sinceMs).toISOString(),
        rangeTo: until,
        sortDirection: 'DESC',
      },
      ctx.auditContext,
    );
    const page = data.auditLogs?.pageInfo;
    const entries = auditLogEdges(data).map((e) => e.entry);
    const whoToken = user ? exactWho(user.id) : undefined;
    // A full page says "maybe more" (Authgear); an empty page ends the list.
    const next =
      page?.hasNextPage &&
      page.endCursor &&
      entries.length > 0 &&
      (user === undefined || whoToken !== undefined)
        ? nextPageCommand(whoToken, parsed, page.endCursor, until)
        : undefined;
    const message = auditLogPage({
      who: user ? displayName(user) : undefined,
      types: parsed.types,
      since: parsed.since,
      addresses: [...addresses.emails, ...addresses.phones],
      entries,
      nextCommand: next,
    });
    return { ...message, replaceOriginal: false };
  },
};
