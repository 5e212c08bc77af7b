import { z } from 'zod';
import { defineOperation } from '../operation.js';
import { connection, keyedNode } from './user-fields.js';

/**
 * Read operations for groups and roles: keyword search (paged) and one group or role by node ID.
 * What Authgear does NOT give is not asked for: the root `totalCount` counts every group or role whatever the
 * keyword, and `Group.users` / `Role.users` totals are always null (pkg/admin/facade/rolesgroups.go). Pages
 * are "full, so maybe more": `hasNextPage` is true whenever a page came back full, and an empty page has
 * `endCursor` "" (pkg/util/graphqlutil/page.go).
 */

const pageInfo = z.object({ hasNextPage: z.boolean(), endCursor: z.string().nullish() });
const count = z.object({ totalCount: z.number().nullish() }).nullish();

const listedNode = z.object({
  id: z.string(),
  key: z.string(),
  name: z.string().nullish(),
  description: z.string().nullish(),
  roles: count.optional(),
  groups: count.optional(),
});
export type ListedAccessNode = z.output<typeof listedNode>;

/** A page: its nodes, and the cursor of the next one when Authgear says there may be more. */
const page = <T>(node: z.ZodType<T>) =>
  z
    .object({
      pageInfo,
      edges: z.array(z.object({ cursor: z.string(), node: node.nullable() }).nullable()).nullish(),
    })
    .nullish()
    .transform((c) => {
      const cursor = c?.pageInfo.endCursor;
      return {
        nodes: (c?.edges ?? []).flatMap((e) => (e?.node != null ? [e.node] : [])),
        next: c?.pageInfo.hasNextPage === true && cursor ? cursor : undefined,
      };
    });

const listConnection = page(listedNode);
export type AccessPage = z.output<typeof listConnection>;

export interface SearchVariables {
  keyword: string | null;
  first: number;
  after: string | null;
}

export const searchGroups = defineOperation<SearchVariables, { groups: AccessPage }>(
  'SearchGroups',
  /* GraphQL */ `
    query SearchGroups($keyword: String, $first: Int!, $after: String) {
      groups(searchKeyword: $keyword, first: $first, after: $after) {
        pageInfo { hasNextPage endCursor }
        edges { cursor node { id key name description roles(first: 1) { totalCount } } }
      }
    }
  `,
  z.object({ groups: listConnection }),
);

export const searchRoles = defineOperation<SearchVariables, { roles: AccessPage }>(
  'SearchRoles',
  /* GraphQL */ `
    query SearchRoles($keyword: String, $first: Int!, $after: String) {
      roles(searchKeyword: $keyword, first: $first, after: $after) {
        pageInfo { hasNextPage endCursor }
        edges { cursor node { id key name description groups(first: 1) { totalCount } } }
      }
    }
  `,
  z.object({ roles: listConnection }),
);

/** A member as the cards list them. */
export const memberNode = z.object({ id: z.string(), standardAttributes: z.record(z.string(), z.unknown()) });
export type AccessMember = z.output<typeof memberNode>;

/** How many linked items a card shows: links with their exact count, members one page at a time. */
export const CARD_LINKS = 25;
export const CARD_MEMBERS = 10;

const detail = {
  id: z.string(),
  key: z.string(),
  name: z.string().nullish(),
  description: z.string().nullish(),
  createdAt: z.string(),
  updatedAt: z.string(),
  users: page(memberNode),
};
export interface MemberPage {
  readonly nodes: readonly AccessMember[];
  readonly next: string | undefined;
}

/** A group's or role's node, with one page of its members. */
export interface NodeVariables {
  id: string;
  usersFirst: number;
  usersAfter: string | null;
}
const groupDetail = z.object({ __typename: z.literal('Group'), ...detail, roles: connection(keyedNode) });
const roleDetail = z.object({ __typename: z.literal('Role'), ...detail, groups: connection(keyedNode) });
export type GroupDetail = z.output<typeof groupDetail>;
export type RoleDetail = z.output<typeof roleDetail>;

const otherNode = z.object({ __typename: z.string() });

export const getGroupNode = defineOperation<
  NodeVariables,
  { node: GroupDetail | { __typename: string } | null }
>(
  'GetGroupNode',
  /* GraphQL */ `
    query GetGroupNode($id: ID!, $usersFirst: Int!, $usersAfter: String) {
      node(id: $id) {
        __typename
        ... on Group {
          id key name description createdAt updatedAt
          roles(first: 25) { totalCount edges { node { id key name } } }
          users(first: $usersFirst, after: $usersAfter) {
            pageInfo { hasNextPage endCursor }
            edges { cursor node { id standardAttributes } }
          }
        }
      }
    }
  `,
  z.object({ node: z.union([groupDetail, otherNode, z.null()]) }),
);

export const getRoleNode = defineOperation<
  NodeVariables,
  { node: RoleDetail | { __typename: string } | null }
>(
  'GetRoleNode',
  /* GraphQL */ `
    query GetRoleNode($id: ID!, $usersFirst: Int!, $usersAfter: String) {
      node(id: $id) {
        __typename
        ... on Role {
          id key name description createdAt updatedAt
          groups(first: 25) { totalCount edges { node { id key name } } }
          users(first: $usersFirst, after: $usersAfter) {
            pageInfo { hasNextPage endCursor }
            edges { cursor node { id standardAttributes } }
          }
        }
      }
    }
  `,
  z.object({ node: z.union([roleDetail, otherNode, z.null()]) }),
);
