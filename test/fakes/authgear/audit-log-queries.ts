/** Query root fields for groups, roles and audit logs. */
import { isEnumType } from 'graphql';
import { offsetPage, type PageArgs } from './connection.js';
import { type RootField, str, strList } from './context.js';
import { invalid } from './errors.js';
import type { FakeAuditLog } from './model.js';
import { rawIdOf } from './node-id.js';
import { fakeSchema } from './schema.js';
import { auditLogView, groupView, roleView } from './views.js';

/** store_role.go / store_group.go: `key ILIKE %kw% OR name ILIKE %kw%`. */
const matches = (keyword: unknown, ...values: (string | null)[]): boolean => {
  const k = (str(keyword) ?? '').toLowerCase();
  return k === '' || values.some((v) => v?.toLowerCase().includes(k) === true);
};

const byKey = <T extends { key: string }>(items: readonly T[]): T[] =>
  [...items].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));

/** query.go: an excluded ID that is not a node ID of the type → Invalid. */
const excludedIds = (ids: unknown, type: 'Group' | 'Role'): Set<string> =>
  new Set(
    strList(ids).map((id) => {
      const raw = rawIdOf(id, type);
      if (raw === undefined) throw invalid(`invalid ${type.toLowerCase()} ID`);
      return raw;
    }),
  );

const recipientOf = (l: FakeAuditLog): unknown => {
  const payload = (l.data as { payload?: { recipient?: unknown } } | null)?.payload;
  return payload?.recipient;
};

/** query.go: with no `activityTypes`, only the schema's known activity types are returned. */
const knownActivityTypes = (): string[] => {
  const t = fakeSchema().getType('AuditLogActivityType');
  return isEnumType(t) ? t.getValues().map((v) => v.name) : [];
};

export const listQueries: Record<string, RootField> = {
  /** Sorted by key; `totalCount` counts ALL groups, ignoring the keyword (facade/rolesgroups.go CountGroups). */
  groups: (args, { store }) => {
    const excluded = excludedIds(args.excludedIDs, 'Group');
    const found = byKey(store.groups()).filter(
      (g) => !excluded.has(g.id) && matches(args.searchKeyword, g.key, g.name),
    );
    return offsetPage(found, args as PageArgs, (g) => groupView(store, g), store.groups().length);
  },
  roles: (args, { store }) => {
    const excluded = excludedIds(args.excludedIDs, 'Role');
    const found = byKey(store.roles()).filter(
      (r) => !excluded.has(r.id) && matches(args.searchKeyword, r.key, r.name),
    );
    return offsetPage(found, args as PageArgs, (r) => roleView(store, r), store.roles().length);
  },
  /**
   * pkg/lib/audit/read_store.go: `user_id = ANY(userIDs) OR data.payload.recipient = ANY(emails, phones)`
   * (exact strings), `rangeFrom <= created_at < rangeTo`, ordered by `created_at` only — entries within one
   * second keep insertion order in both directions (Postgres gives no tie-breaker) — and offset-paged.
   */
  auditLogs: (args, { store }) => {
    const types = strList(args.activityTypes);
    const allowedTypes = new Set(types.length > 0 ? types : knownActivityTypes());
    const userIds = strList(args.userIDs).map((id) => {
      const raw = rawIdOf(id, 'User');
      if (raw === undefined) throw invalid('invalid user IDs');
      return raw;
    });
    const recipients = [...strList(args.emailAddresses), ...strList(args.phoneNumbers)];
    const from = str(args.rangeFrom) === undefined ? undefined : Date.parse(String(args.rangeFrom));
    const to = str(args.rangeTo) === undefined ? undefined : Date.parse(String(args.rangeTo));
    const who = (l: FakeAuditLog): boolean => {
      if (userIds.length === 0 && recipients.length === 0) return true;
      const recipient = recipientOf(l);
      return (
        (l.userId !== null && userIds.includes(l.userId)) ||
        (typeof recipient === 'string' && recipients.includes(recipient))
      );
    };
    const found = store
      .auditLogs()
      .filter(
        (l) =>
          allowedTypes.has(l.activityType) &&
          who(l) &&
          (from === undefined || Date.parse(l.createdAt) >= from) &&
          (to === undefined || Date.parse(l.createdAt) < to),
      );
    const sign = args.sortDirection === 'ASC' ? 1 : -1;
    const sorted = [...found].sort((x, y) => sign * (Date.parse(x.createdAt) - Date.parse(y.createdAt)));
    return offsetPage(sorted, args as PageArgs, (l) => auditLogView(store, l), found.length);
  },
};
