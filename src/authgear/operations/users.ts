import {
  GetUserByLoginIDDocument,
  GetUserByOauthDocument,
  GetUserNodeDocument,
  GetUserNodesDocument,
  type GetUserNodesQuery,
  GetUsersByStandardAttributeDocument,
  SearchUsersDocument,
  type SearchUsersQuery,
} from '../documents/operations.generated.js';
import { defineOperation } from '../operation.js';
import { jsonObject, readUser } from './user-fields.js';

/** A user by node ID (`node` answers other types too; the caller checks it is a User). */
export const getUserNode = defineOperation(GetUserNodeDocument, ({ node }) => ({
  node: node?.__typename === 'User' ? { ...readUser(node), __typename: node.__typename } : node,
}));

export const getUsersByStandardAttribute = defineOperation(GetUsersByStandardAttributeDocument, (data) => ({
  getUsersByStandardAttribute: data.getUsersByStandardAttribute.map(readUser),
}));

export const getUserByLoginId = defineOperation(GetUserByLoginIDDocument, (data) => ({
  getUserByLoginID: data.getUserByLoginID && readUser(data.getUserByLoginID),
}));

/** The user with an OAuth identity of this provider alias and subject (its ID at the provider), or null. */
export const getUserByOauth = defineOperation(GetUserByOauthDocument, (data) => ({
  getUserByOAuth: data.getUserByOAuth && readUser(data.getUserByOAuth),
}));

type NodeAnswer = NonNullable<GetUserNodesQuery['nodes'][number]>;
/** A user as a list row shows it (several users, or the targets of approval requests). */
export type UserSummary = Extract<NodeAnswer, { __typename: 'User' }>;

/**
 * Several users by node ID in ONE request (`nodes`): a map from each ID asked to its user; IDs that name no user
 * (deleted, or another type) are absent.
 */
export const getUserNodes = defineOperation(GetUserNodesDocument, (data): Map<string, UserSummary> => {
  const found = new Map<string, UserSummary>();
  for (const node of data.nodes) {
    if (node?.__typename === 'User' && 'standardAttributes' in node) {
      jsonObject.parse(node.standardAttributes);
      found.set(node.id, node);
    }
  }
  return found;
});

export type SearchUsersData = SearchUsersQuery;

/** Keyword search; each hit's attributes are checked to be an object (the rows read them). */
export const searchUsers = defineOperation(SearchUsersDocument, (data): SearchUsersData => {
  for (const edge of data.users?.edges ?? []) if (edge?.node) jsonObject.parse(edge.node.standardAttributes);
  return data;
});
