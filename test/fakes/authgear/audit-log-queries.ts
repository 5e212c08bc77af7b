/** Query root fields for groups, roles and audit logs. */
import { connectionOf, type PageArgs } from './connection.js';
import { type RootField, str, strList } from './context.js';
import type { FakeAuditLog } from './model.js';
import { rawIdOf } from './node-id.js';
import { auditLogView, groupView, roleView } from './views.js';

const matches = (keyword: unknown, ...values: (string | null)[]): boolean => {
  const k = (str(keyword) ?? '').trim().toLowerCase();
  return k === '' || values.some((v) => v?.toLowerCase().includes(k) === true);
};

const ms = (iso: unknown): number | undefined => (typeof iso === 'string' ? Date.parse(iso) : undefined);

export const listQueries: Record<string, RootField> = {
  groups: (args, { store }) => {
    const excluded = new Set(strList(args.excludedIDs).map((id) => rawIdOf(id, 'Group')));
    const found = store
      .groups()
      .filter((g) => !excluded.has(g.id) && matches(args.searchKeyword, g.key, g.name));
    return connectionOf(found, args as PageArgs, (g) => groupView(store, g));
  },
  roles: (args, { store }) => {
    const excluded = new Set(strList(args.excludedIDs).map((id) => rawIdOf(id, 'Role')));
    const found = store
      .roles()
      .filter((r) => !excluded.has(r.id) && matches(args.searchKeyword, r.key, r.name));
    return connectionOf(found, args as PageArgs, (r) => roleView(store, r));
  },
  /** Filters like Authgear's; newest first unless `sortDirection: ASC`. */
  auditLogs: (args, { store }) => {
    const types = strList(args.activityTypes);
    const userIds = strList(args.userIDs).map((id) => rawIdOf(id, 'User'));
    const emails = strList(args.emailAddresses).map((e) => e.toLowerCase());
    const phones = strList(args.phoneNumbers);
    const from = ms(args.rangeFrom);
    const to = ms(args.rangeTo);
    const userMatches = (l: FakeAuditLog): boolean => {
      if (userIds.length === 0 && emails.length === 0 && phones.length === 0) return true;
      if (l.userId === null) return false;
      const u = store.user(l.userId);
      const email = u?.standardAttributes.email;
      const phone = u?.standardAttributes.phone_number;
      return (
        userIds.includes(l.userId) ||
        (typeof email === 'string' && emails.includes(email.toLowerCase())) ||
        (typeof phone === 'string' && phones.includes(phone))
      );
    };
    const found = store
      .auditLogs()
      .filter(
        (l) =>
          (types.length === 0 || types.includes(l.activityType)) &&
          userMatches(l) &&
          (from === undefined || Date.parse(l.createdAt) >= from) &&
          (to === undefined || Date.parse(l.createdAt) < to),
      );
    const sign = args.sortDirection === 'ASC' ? 1 : -1;
    const sorted = found
      .map((l, i) => ({ l, i }))
      .sort((x, y) => sign * (Date.parse(x.l.createdAt) - Date.parse(y.l.createdAt) || x.i - y.i))
      .map(({ l }) => l);
    return connectionOf(sorted, args as PageArgs, (l) => auditLogView(store, l));
  },
};
