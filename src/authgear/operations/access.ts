import { z } from 'zod';
import { defineOperation } from '../operation.js';
import { connection, keyedNode } from './user-fields.js';

/** Read operations for groups and roles: keyword search (paged) and one group or role by node ID. */

const pageInfo = z.object({ hasNextPage: z.boolean(), endCursor: z.string().nullish() });
const count = z.object({ totalCount: z.number().nullish() }).nullish();

const listedNode = z.object({
  id: z.string(),
  key: z.string(),
  name: z.string().nullish(),
  description: z.string().nullish(),
  roles: count.optional(),
  groups: count.optional(),
  users: count,
});
export type ListedAccessNode = z.output<typeof listedNode>;

const listConnection = z
  .object({
    totalCount: z.number().nullish(),
    pageInfo,
    edges: z.array(z.object({ cursor: z.string(), node: listedNode.nullable() }).nullable()).nullish(),
  })
  .nullable()
  .transform((c) => ({
    totalCount: c?.totalCount ?? undefined,
    hasNextPage: c?.pageInfo.hasNextPage ?? false,
    endCursor: c?.pageInfo.endCursor ?? undefined,
    nodes: (c?.edges ?? []).flatMap((e) => (e?.node != null ? [e.node] : [])),
  }));
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
        totalCount
        pageInfo { hasNextPage endCursor }
        edges { cursor node { id key name description roles(first: 1) { totalCount } users(first: 1) { totalCount } } }
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
        totalCount
        pageInfo { hasNextPage endCursor }
        edges { cursor node { id key name description groups(first: 1) { totalCount } users(first: 1) { totalCount } } }
      }
    }
  `,
  z.object({ roles: listConnection }),
);

/** A member as the cards list them. */
export const memberNode = z.object({ id: z.string(), standardAttributes: z.record(z.string(), z.unknown()) });
export type AccessMember = z.output<typeof memberNode>;

/** How many linked items a card shows (the counts are always exact). */
export const CARD_LINKS = 25;
export const CARD_MEMBERS = 10;

const detail = {
  id: z.string(),
  key: z.string(),
  name: z.string().nullish(),
  description: z.string().nullish(),
  createdAt: z.string(),
  updatedAt: z.string(),
  users: connection(memberNode),
};
const groupDetail = z.object({ __typename: z.literal('Group'), ...detail, roles: connection(keyedNode) });
const roleDetail = z.object({ __typename: z.literal('Role'), ...detail, groups: connection(keyedNode) });
export type GroupDetail = z.output<typeof groupDetail>;
export type RoleDetail = z.output<typeof roleDetail>;

const otherNode = z.object({ __typename: z.string() });

export const getGroupNode = defineOperation<
  { id: string },
  { node: GroupDetail | { __typename: string } | null }
>(
  'GetGroupNode',
  /* GraphQL */ `
    query GetGroupNode($id: ID!) {
      node(id: $id) {
        __typename
        ... on Group {
          id key name description createdAt updatedAt
          roles(first: 25) { totalCount edges { node { id key name } } }
          users(first: 10) { totalCount edges { node { id standardAttributes } } }
        }
      }
    }
  `,
  z.object({ node: z.union([groupDetail, otherNode, z.null()]) }),
);

export const getRoleNode = defineOperation<
  { id: string },
  { node: RoleDetail | { __typename: string } | null }
>(
  'GetRoleNode',
  /* GraphQL */ `
    query GetRoleNode($id: ID!) {
      node(id: $id) {
        __typename
        ... on Role {
          id key name description createdAt updatedAt
          groups(first: 25) { totalCount edges { node { id key name } } }
          users(first: 10) { totalCount edges { node { id standardAttributes } } }
        }
      }
    }
  `,
  z.object({ node: z.union([roleDetail, otherNode, z.null()]) }),
);
