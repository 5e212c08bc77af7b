/**
 * `/authgear audit [who] [--type T] [--since 7d] [--after cursor]`: recent entries of Authgear's own audit log for
 * one user or the whole project, newest first, 20 per page. The next page is one more command (shown under the
 * list with `--after`), so paging needs no new handler.
 */
import { decodeNodeId, isUuid } from '../authgear/node-id.js';
import {
  AUDIT_LOG_ACTIVITY_TYPES,
  type AuditLogActivityType,
  auditLogEdges,
  isAuditLogActivityType,
  listAuditLogs,
} from '../authgear/operations/audit-logs.js';
import { auditLogPage } from '../blocks/audit-log.js';
import { safe } from '../blocks/primitives.js';
import { displayName } from '../blocks/user-card.js';
import { parseDuration } from '../config/duration.js';
import { AppError } from '../errors.js';
import type { QueryContext, QueryVerb } from './types.js';

export const AUDIT_PAGE_SIZE = 20;
const USAGE = 'Usage: `/authgear audit [who] [--type TYPE] [--since 7d]`';
const CURSOR = /^[A-Za-z0-9_=+/.-]{1,512}$/;
const MAX_TYPES = 10;

export interface AuditArgs {
  readonly who: string | undefined;
  readonly types: readonly AuditLogActivityType[];
  readonly since: string | undefined;
  readonly sinceMs: number | undefined;
  readonly after: string | undefined;
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
  for (let i = 0; i < args.length; i += 1) {
    const token = args[i] ?? '';
    const flag = /^--(type|since|after)(?:=(.*))?$/.exec(token);
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
    } else {
      if (!CURSOR.test(value))
        throw new AppError('input.invalid', 'That `--after` value is not a page cursor.');
      after = value;
    }
  }
  if (types.length > MAX_TYPES)
    throw new AppError('input.invalid', `Filter by at most ${MAX_TYPES} types at a time.`);
  return { who: who.length > 0 ? who.join(' ') : undefined, types, since, sinceMs, after };
};

/** The exact command for the next page; every part is validated, so it is safe to show verbatim. */
export const nextPageCommand = (
  whoToken: string | undefined,
  args: AuditArgs,
  cursor: string,
): string | undefined => {
  if (!CURSOR.test(cursor)) return undefined;
  return [
    '/authgear audit',
    whoToken,
    args.types.length > 0 ? `--type ${args.types.join(',')}` : undefined,
    args.since ? `--since ${args.since}` : undefined,
    `--after ${cursor}`,
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

export const auditQuery: QueryVerb = {
  verbs: ['audit'],
  permission: 'audit.view',
  usage: 'audit [who] [--type T] [--since 7d]',
  description: 'show recent Authgear audit log entries for a user or the project',
  async run(ctx, args) {
    const parsed = parseAuditArgs(args);
    const user = parsed.who === undefined ? undefined : await resolveUser(ctx, parsed.who);
    const data = await ctx.api.run(
      listAuditLogs,
      {
        first: AUDIT_PAGE_SIZE,
        after: parsed.after ?? null,
        activityTypes: parsed.types.length > 0 ? [...parsed.types] : null,
        userIDs: user ? [user.id] : null,
        rangeFrom:
          parsed.sinceMs === undefined ? null : new Date(ctx.now.getTime() - parsed.sinceMs).toISOString(),
        sortDirection: 'DESC',
      },
      ctx.auditContext,
    );
    const page = data.auditLogs?.pageInfo;
    const whoToken = user ? exactWho(user.id) : undefined;
    const next =
      page?.hasNextPage && page.endCursor && (user === undefined || whoToken !== undefined)
        ? nextPageCommand(whoToken, parsed, page.endCursor)
        : undefined;
    const message = auditLogPage({
      who: user ? displayName(user) : undefined,
      types: parsed.types,
      since: parsed.since,
      entries: auditLogEdges(data).map((e) => e.entry),
      nextCommand: next,
    });
    return { ...message, replaceOriginal: false };
  },
};
