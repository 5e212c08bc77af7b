/** Query root fields: node/nodes and the user look-ups, with Authgear's semantics. */
import { offsetPage, type PageArgs } from './connection.js';
import { type FakeContext, type RootField, str, strList } from './context.js';
import { getUsersInvalidArgument } from './errors.js';
import { FRAUD_ACTIVITY, fraudDecisionView } from './fraud.js';
import { identitiesByClaim, identityByUniqueKey } from './identity-claims.js';
import { normalize, normalizeForLookup } from './login-ids.js';
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

/** pkg/admin/graphql/nodes.go: "If the ID is invalid, we should return null instead of returning an error." */
export const resolveNode = (store: FakeStore, id: string): unknown => {
  const decoded = decodeNodeId(id);
  if (decoded === undefined) return null;
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
      return null;
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

/** coordinator.go GetUsersByStandardAttribute: the attribute names it accepts and the login ID type of each. */
const ATTRIBUTE_TYPES: Record<string, LoginIdKey> = {
  email: 'email',
  phone_number: 'phone',
  preferred_username: 'username',
};

export const userQueries: Record<string, RootField> = {
  node: (args, { store }: FakeContext) => resolveNode(store, str(args.id) ?? ''),
  nodes: (args, { store }) => strList(args.ids).map((id) => resolveNode(store, id)),
  /** `totalCount`: all users when listing, the matches when searching or filtering (facade/user.go). */
  users: (args, { store }) => {
    const groupIds = strList(args.groupKeys).map((k) => store.group(k)?.id);
    const roleIds = strList(args.roleKeys).map((k) => store.role(k)?.id);
    const keyword = str(args.searchKeyword) ?? '';
    const found = store
      .users()
      .filter(
        (u) =>
          matchesKeyword(u, keyword) &&
          (groupIds.length === 0 || groupIds.some((id) => id !== undefined && u.groupIds.has(id))) &&
          (roleIds.length === 0 || roleIds.some((id) => id !== undefined && u.roleIds.has(id))),
      );
    const sorted = sortUsers(found, str(args.sortBy), str(args.sortDirection));
    return offsetPage(sorted, args as PageArgs, (u) => userView(store, u), found.length);
  },
  /**
   * A name other than email / phone_number / preferred_username, or a value its login ID type cannot
   * normalize → GetUsersInvalidArgument. Matches the identities' claims (login IDs and OAuth), whatever login ID
   * keys the project configures.
   */
  getUsersByStandardAttribute: (args, { store }) => {
    const name = str(args.attributeName) ?? '';
    const type = ATTRIBUTE_TYPES[name];
    if (type === undefined)
      throw getUsersInvalidArgument('attributeName must be email, phone_number or preferred_username');
    const value = normalize(type, str(args.attributeValue) ?? '');
    if (value === undefined) throw getUsersInvalidArgument('invalid attributeValue');
    const users = new Map(identitiesByClaim(store, name, value).map((o) => [o.user.id, o.user]));
    return [...users.values()].map((u) => userView(store, u));
  },
  /** loginid/provider.go GetByKeyAndValue: a key the project does not configure → GetUsersInvalidArgument. */
  getUserByLoginID: (args, { store, config }: FakeContext) => {
    const unique = normalizeForLookup(config, str(args.loginIDKey) ?? '', str(args.loginIDValue) ?? '');
    const owner = identityByUniqueKey(store, unique);
    return owner === undefined ? null : userView(store, owner.user);
  },
  /** identity/service AdminAPIGetByOAuthAliasAndSubject: an unknown alias → GetUsersInvalidArgument. */
  getUserByOAuth: (args, { store, config }: FakeContext) => {
    const alias = str(args.oauthProviderAlias) ?? '';
    if (!config.oauthProviders.includes(alias)) throw getUsersInvalidArgument('invalid OAuth provider alias');
    const subject = str(args.oauthProviderUserID) ?? '';
    const owner = store
      .users()
      .find((u) => u.identities.some((i) => i.oauth?.alias === alias && i.oauth.subject === subject));
    return owner === undefined ? null : userView(store, owner);
  },
};
