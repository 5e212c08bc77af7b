/** Query root fields: node/nodes and the user look-ups, with Authgear's semantics. */
import { connectionOf, type PageArgs } from './connection.js';
import { type FakeContext, type RootField, str, strList } from './context.js';
import { getUsersInvalidArgument, invalid } from './errors.js';
import { FRAUD_ACTIVITY, fraudDecisionView } from './fraud.js';
import type { FakeUser, LoginIdKey } from './model.js';
import { decodeNodeId } from './node-id.js';
import { resourceView, scopeView } from './resource-resolvers.js';
import type { FakeStore } from './store.js';
import {
  auditLogView,
  authenticatorView,
  authorizationView,
  groupView,
  identityView,
  roleView,
  sessionView,
  userView,
} from './views.js';

/** Authgear's `node` resolver: an undecodable ID is a plain "invalid ID" error (no extensions); unknown → null. */
export const resolveNode = (store: FakeStore, id: string): unknown => {
  const decoded = decodeNodeId(id);
  if (decoded === undefined) throw new Error('invalid ID');
  const raw = decoded.id;
  switch (decoded.type) {
    case 'User': {
      const u = store.user(raw);
      return u === undefined ? null : userView(store, u);
    }
    case 'Group': {
      const g = store.groupById(raw);
      return g === undefined ? null : groupView(store, g);
    }
    case 'Role': {
      const r = store.roleById(raw);
      return r === undefined ? null : roleView(store, r);
    }
    case 'Identity':
      return mapOwned(store.identity(raw), identityView);
    case 'Authenticator':
      return mapOwned(store.authenticator(raw), authenticatorView);
    case 'Session':
      return mapOwned(store.session(raw), sessionView);
    case 'Authorization':
      return mapOwned(store.authorization(raw), authorizationView);
    case 'AuditLog': {
      const l = store.auditLog(raw);
      return l === undefined ? null : auditLogView(store, l);
    }
    case 'Resource': {
      const r = store.resources.byId(raw);
      return r === undefined ? null : resourceView(store.resources, r);
    }
    case 'Scope': {
      const found = store.resources.scopeById(raw);
      return found === undefined ? null : scopeView(found);
    }
    case 'FraudProtectionDecisionRecord': {
      const l = store.auditLog(raw);
      return l?.activityType === FRAUD_ACTIVITY ? fraudDecisionView(l) : null;
    }
    default:
      throw new Error(`unknown node type: ${decoded.type}`);
  }
};

const mapOwned = <T>(owned: { item: T } | undefined, view: (item: T) => unknown): unknown =>
  owned === undefined ? null : view(owned.item);

const searchable = (u: FakeUser): string[] => {
  const a = u.standardAttributes;
  const values = [
    a.email,
    a.phone_number,
    a.preferred_username,
    a.name,
    a.given_name,
    a.family_name,
    a.nickname,
  ];
  for (const i of u.identities) values.push(i.value);
  return values.filter((v): v is string => typeof v === 'string').map((v) => v.toLowerCase());
};

const matchesKeyword = (u: FakeUser, keyword: string): boolean => {
  const k = keyword.trim().toLowerCase();
  return k === '' || u.id === keyword.trim() || searchable(u).some((v) => v.includes(k));
};

const sortUsers = (
  users: FakeUser[],
  sortBy: string | undefined,
  direction: string | undefined,
): FakeUser[] => {
  if (sortBy === undefined) return direction === 'DESC' ? [...users].reverse() : users;
  const keyOf = (u: FakeUser): string => (sortBy === 'LAST_LOGIN_AT' ? (u.lastLoginAt ?? '') : u.createdAt);
  const sign = direction === 'ASC' ? 1 : -1;
  return [...users].sort((x, y) => sign * keyOf(x).localeCompare(keyOf(y)));
};

const STANDARD_ATTRIBUTES = ['email', 'phone_number', 'preferred_username'];
const LOGIN_ID_KEYS: readonly LoginIdKey[] = ['email', 'phone', 'username'];

export const userQueries: Record<string, RootField> = {
  node: (args, { store }: FakeContext) => resolveNode(store, str(args.id) ?? ''),
  nodes: (args, { store }) =>
    strList(args.ids).map((id) => {
      try {
        return resolveNode(store, id);
      } catch {
        return null;
      }
    }),
  users: (args, { store }) => {
    const groupIds = strList(args.groupKeys).map((k) => store.group(k)?.id);
    const roleIds = strList(args.roleKeys).map((k) => store.role(k)?.id);
    const found = store
      .users()
      .filter(
        (u) =>
          matchesKeyword(u, str(args.searchKeyword) ?? '') &&
          (groupIds.length === 0 || groupIds.some((id) => id !== undefined && u.groupIds.has(id))) &&
          (roleIds.length === 0 || roleIds.some((id) => id !== undefined && u.roleIds.has(id))),
      );
    const sorted = sortUsers(found, str(args.sortBy), str(args.sortDirection));
    return connectionOf(sorted, args as PageArgs, (u) => userView(store, u));
  },
  getUsersByStandardAttribute: (args, { store }) => {
    const name = str(args.attributeName) ?? '';
    const value = str(args.attributeValue) ?? '';
    if (!STANDARD_ATTRIBUTES.includes(name)) throw invalid(`invalid attributeName: ${name}`);
    const wanted = name === 'phone_number' ? value.trim() : value.trim().toLowerCase();
    return store
      .users()
      .filter((u) => {
        const v = u.standardAttributes[name];
        return typeof v === 'string' && (name === 'phone_number' ? v : v.toLowerCase()) === wanted;
      })
      .map((u) => userView(store, u));
  },
  getUserByLoginID: (args, { store }) => {
    const key = LOGIN_ID_KEYS.find((k) => k === args.loginIDKey);
    if (key === undefined) throw invalid(`invalid loginIDKey: ${String(args.loginIDKey)}`);
    const u = store.userByLoginId(key, str(args.loginIDValue) ?? '');
    return u === undefined ? null : userView(store, u);
  },
  /** identity/service AdminAPIGetByOAuthAliasAndSubject: an alias the project does not configure is an error. */
  getUserByOAuth: (args, { store }: FakeContext) => {
    const alias = str(args.oauthProviderAlias) ?? '';
    if (!store.oauthProviders.has(alias)) throw getUsersInvalidArgument('invalid OAuth provider alias');
    const subject = str(args.oauthProviderUserID) ?? '';
    const owner = store
      .users()
      .find((u) => u.identities.some((i) => i.oauth?.alias === alias && i.oauth.subject === subject));
    return owner === undefined ? null : userView(store, owner);
  },
};
