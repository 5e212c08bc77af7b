import {
  GetGroupNodeDocument,
  type GetGroupNodeQuery,
  GetRoleNodeDocument,
  type GetRoleNodeQuery,
  SearchGroupsDocument,
  type SearchGroupsQuery,
  SearchRolesDocument,
  type SearchRolesQuery,
} from '../documents/operations.generated.js';
import { defineOperation } from '../operation.js';
import { type Connection, connectionOf, jsonObject, type NodeOf } from './user-fields.js';

/**
 * Read operations for groups and roles: keyword search (paged) and one group or role by node ID.
 * What Authgear does NOT give is not asked for: the root `totalCount` counts every group or role whatever the
 * keyword, and `Group.users` / `Role.users` totals are always null (pkg/admin/facade/rolesgroups.go). Pages
 * are "full, so maybe more": `hasNextPage` is true whenever a page came back full, and an empty page has
 * `endCursor` "" (pkg/util/graphqlutil/page.go).
 */

type GroupListNode = NodeOf<SearchGroupsQuery['groups']>;
type RoleListNode = NodeOf<SearchRolesQuery['roles']>;
/** A group (with its role count) or a role (with its group count), as a list shows it. */
export type ListedAccessNode =
  | (GroupListNode & { groups?: undefined })
  | (RoleListNode & { roles?: undefined });

/** A page: its nodes, and the cursor of the next one when Authgear says there may be more. */
export interface Page<N> {
  readonly nodes: N[];
  readonly next: string | undefined;
}

interface RawPage<N> {
  readonly pageInfo: { readonly hasNextPage: boolean; readonly endCursor?: string | null };
  readonly edges?: ReadonlyArray<{ readonly node: N | null } | null> | null;
}

function pageOf<N>(c: RawPage<N> | null | undefined): Page<N>;
function pageOf<N, M>(c: RawPage<N> | null | undefined, map: (node: N) => M): Page<M>;
function pageOf<N, M>(c: RawPage<N> | null | undefined, map?: (node: N) => M): Page<N | M> {
  const cursor = c?.pageInfo.endCursor;
  const { nodes } = map ? connectionOf(c, map) : connectionOf(c);
  return { nodes, next: c?.pageInfo.hasNextPage === true && cursor ? cursor : undefined };
}

export type AccessPage = Page<ListedAccessNode>;

export type SearchVariables = (typeof searchGroups)['variables'] & {};

export const searchGroups = defineOperation(SearchGroupsDocument, (data) => ({
  groups: pageOf<ListedAccessNode>(data.groups),
}));
export const searchRoles = defineOperation(SearchRolesDocument, (data) => ({
  roles: pageOf<ListedAccessNode>(data.roles),
}));

/** How many members a card shows at a time (links are few and come with their exact count). */
export const CARD_MEMBERS = 10;

type GroupNode = Extract<NonNullable<GetGroupNodeQuery['node']>, { __typename: 'Group' }>;
type RoleNode = Extract<NonNullable<GetRoleNodeQuery['node']>, { __typename: 'Role' }>;
type RawMember = NodeOf<GroupNode['users']>;
/** A member as the cards list them (attributes checked: the card reads them). */
export type AccessMember = RawMember;
const member = (m: RawMember): AccessMember => ({
  ...m,
  standardAttributes: jsonObject.parse(m.standardAttributes),
});
export type MemberPage = Page<AccessMember>;

export type GroupDetail = Omit<GroupNode, 'roles' | 'users'> & {
  readonly roles: Connection<NodeOf<GroupNode['roles']>>;
  readonly users: MemberPage;
};
export type RoleDetail = Omit<RoleNode, 'groups' | 'users'> & {
  readonly groups: Connection<NodeOf<RoleNode['groups']>>;
  readonly users: MemberPage;
};

/** A group's node with one page of its members (`usersFirst` from `usersAfter`). */
export const getGroupNode = defineOperation(GetGroupNodeDocument, ({ node }) => ({
  node:
    node?.__typename === 'Group'
      ? { ...node, roles: connectionOf(node.roles), users: pageOf(node.users, member) }
      : node,
}));

/** A role's node with one page of the users who hold it directly. */
export const getRoleNode = defineOperation(GetRoleNodeDocument, ({ node }) => ({
  node:
    node?.__typename === 'Role'
      ? { ...node, groups: connectionOf(node.groups), users: pageOf(node.users, member) }
      : node,
}));
