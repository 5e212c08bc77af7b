import { z } from 'zod';
import { defineOperation } from '../operation.js';
import { USER_FIELDS, userSchema } from './user-fields.js';

const userNodeResult = z.object({
  node: z.union([
    userSchema.extend({ __typename: z.literal('User') }),
    z.object({ __typename: z.string() }),
    z.null(),
  ]),
});

/** A user by node ID (`node` answers other types too; the caller checks it is a User). */
export const getUserNode = defineOperation<{ id: string }, z.output<typeof userNodeResult>>(
  'GetUserNode',
  /* GraphQL */ `
    query GetUserNode($id: ID!) {
      node(id: $id) { __typename ...UserFields }
    }
    ${USER_FIELDS}
  `,
  userNodeResult,
);

export const getUsersByStandardAttribute = defineOperation<
  { attributeName: 'email' | 'phone_number' | 'preferred_username'; attributeValue: string },
  { getUsersByStandardAttribute: z.output<typeof userSchema>[] }
>(
  'GetUsersByStandardAttribute',
  /* GraphQL */ `
    query GetUsersByStandardAttribute($attributeName: String!, $attributeValue: String!) {
      getUsersByStandardAttribute(attributeName: $attributeName, attributeValue: $attributeValue) { ...UserFields }
    }
    ${USER_FIELDS}
  `,
  z.object({ getUsersByStandardAttribute: z.array(userSchema) }),
);

export const getUserByLoginId = defineOperation<
  { loginIDKey: string; loginIDValue: string },
  { getUserByLoginID: z.output<typeof userSchema> | null }
>(
  'GetUserByLoginID',
  /* GraphQL */ `
    query GetUserByLoginID($loginIDKey: String!, $loginIDValue: String!) {
      getUserByLoginID(loginIDKey: $loginIDKey, loginIDValue: $loginIDValue) { ...UserFields }
    }
    ${USER_FIELDS}
  `,
  z.object({ getUserByLoginID: userSchema.nullable() }),
);

const searchResult = z.object({
  users: z
    .object({
      totalCount: z.number().nullish(),
      pageInfo: z.object({ hasNextPage: z.boolean(), endCursor: z.string().nullish() }),
      edges: z
        .array(
          z
            .object({
              cursor: z.string(),
              node: z
                .object({
                  id: z.string(),
                  standardAttributes: z.record(z.string(), z.unknown()),
                  isDisabled: z.boolean(),
                  lastLoginAt: z.string().nullish(),
                })
                .nullable(),
            })
            .nullable(),
        )
        .nullish(),
    })
    .nullable(),
});
export type SearchUsersData = z.output<typeof searchResult>;

export const searchUsers = defineOperation<
  { keyword: string; first: number; after?: string | null },
  SearchUsersData
>(
  'SearchUsers',
  /* GraphQL */ `
    query SearchUsers($keyword: String!, $first: Int!, $after: String) {
      users(searchKeyword: $keyword, first: $first, after: $after) {
        totalCount
        pageInfo { hasNextPage endCursor }
        edges { cursor node { id standardAttributes isDisabled lastLoginAt } }
      }
    }
  `,
  searchResult,
);
