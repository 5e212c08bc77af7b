import {
  GetUserByLoginIDDocument,
  GetUserNodeDocument,
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

export type SearchUsersData = SearchUsersQuery;

/** Keyword search; each hit's attributes are checked to be an object (the rows read them). */
export const searchUsers = defineOperation(SearchUsersDocument, (data): SearchUsersData => {
  for (const edge of data.users?.edges ?? []) if (edge?.node) jsonObject.parse(edge.node.standardAttributes);
  return data;
});
