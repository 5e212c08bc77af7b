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

/** Read operations for groups and roles: keyword search (paged) and one group or role by node ID. */

type GroupListNode = NodeOf<SearchGroupsQuery['groups']>;
type RoleListNode = NodeOf<SearchRolesQuery['roles']>;
/** A group (with its role count) or a role (with its group count), as a list shows it. */
export type ListedAccessNode =
  | (GroupListNode & { groups?: undefined })
  | (RoleListNode & { roles?: undefined });

export interface AccessPage {
  readonly totalCount: number | undefined;
  readonly hasNextPage: boolean;
  readonly endCursor: string | undefined;
  readonly nodes: ListedAccessNode[];
}

const pageOf = (c: SearchGroupsQuery['groups'] | SearchRolesQuery['roles']): AccessPage => ({
  totalCount: c?.totalCount ?? undefined,
  hasNextPage: c?.pageInfo.hasNextPage ?? false,
  endCursor: c?.pageInfo.endCursor ?? undefined,
  nodes: connectionOf<ListedAccessNode>(c).nodes,
});

export type SearchVariables = (typeof searchGroups)['variables'] & {};

export const searchGroups = defineOperation(SearchGroupsDocument, (data) => ({
  groups: pageOf(data.groups),
}));
export const searchRoles = defineOperation(SearchRolesDocument, (data) => ({ roles: pageOf(data.roles) }));

type GroupNode = Extract<NonNullable<GetGroupNodeQuery['node']>, { __typename: 'Group' }>;
type RoleNode = Extract<NonNullable<GetRoleNodeQuery['node']>, { __typename: 'Role' }>;
type RawMember = NodeOf<GroupNode['users']>;
/** A member as the cards list them (attributes checked: the card reads them). */
export type AccessMember = RawMember;
const member = (m: RawMember): AccessMember => ({
  ...m,
  standardAttributes: jsonObject.parse(m.standardAttributes),
});

export type GroupDetail = Omit<GroupNode, 'roles' | 'users'> & {
  readonly roles: Connection<NodeOf<GroupNode['roles']>>;
  readonly users: Connection<AccessMember>;
};
export type RoleDetail = Omit<RoleNode, 'groups' | 'users'> & {
  readonly groups: Connection<NodeOf<RoleNode['groups']>>;
  readonly users: Connection<AccessMember>;
};

export const getGroupNode = defineOperation(GetGroupNodeDocument, ({ node }) => ({
  node:
    node?.__typename === 'Group'
      ? { ...node, roles: connectionOf(node.roles), users: connectionOf(node.users, member) }
      : node,
}));

export const getRoleNode = defineOperation(GetRoleNodeDocument, ({ node }) => ({
  node:
    node?.__typename === 'Role'
      ? { ...node, groups: connectionOf(node.groups), users: connectionOf(node.users, member) }
      : node,
}));
