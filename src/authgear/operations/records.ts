import {
  CreateIdentityDocument,
  CreateUserDocument,
  DeleteAuthenticatorDocument,
  DeleteAuthorizationDocument,
  DeleteIdentityDocument,
  GetUserAuthorizationsDocument,
  type GetUserAuthorizationsQuery,
  type IdentityDefinition,
  UpdateIdentityDocument,
  UpdateUserDocument,
} from '../documents/operations.generated.js';
import { defineOperation } from '../operation.js';
import { connectionOf, jsonObject, type NodeOf, readUser } from './user-fields.js';

/** Authgear's `IdentityDefinition` for a login ID (the only kind the Admin API creates). */
export interface LoginIdDefinition extends IdentityDefinition {
  readonly loginID: { readonly key: 'email' | 'phone' | 'username'; readonly value: string };
}

export const createUser = defineOperation(CreateUserDocument, (data) => ({
  createUser: { user: readUser(data.createUser.user) },
}));

/**
 * Replaces the WHOLE attribute objects: callers always read-modify-write (see actions/user/records/attributes.ts)
 * and compare the attributes Authgear stored (it may drop unconfigured custom ones) with what they sent.
 */
export const updateUser = defineOperation(UpdateUserDocument, (data) => ({
  updateUser: {
    user: {
      ...data.updateUser.user,
      standardAttributes: jsonObject.parse(data.updateUser.user.standardAttributes),
      customAttributes: jsonObject.parse(data.updateUser.user.customAttributes),
    },
  },
}));

/** The new identity's claims are read (the confirmation names the login ID), so they are checked. */
const withIdentity = <T extends { identity: { claims: Record<string, unknown> } }>(payload: T): T => ({
  ...payload,
  identity: { ...payload.identity, claims: jsonObject.parse(payload.identity.claims) },
});

export const createIdentity = defineOperation(CreateIdentityDocument, (data) => ({
  createIdentity: withIdentity(data.createIdentity),
}));
export const updateIdentity = defineOperation(UpdateIdentityDocument, (data) => ({
  updateIdentity: withIdentity(data.updateIdentity),
}));
export const deleteIdentity = defineOperation(DeleteIdentityDocument);
export const deleteAuthenticator = defineOperation(DeleteAuthenticatorDocument);
export const deleteAuthorization = defineOperation(DeleteAuthorizationDocument);

type UserAuthorizations = Extract<
  NonNullable<GetUserAuthorizationsQuery['node']>,
  { __typename: 'User' }
>['authorizations'];
export type AuthgearAuthorization = NodeOf<UserAuthorizations>;

/** The OAuth authorizations (third-party app consents) a user has granted. */
export const getUserAuthorizations = defineOperation(GetUserAuthorizationsDocument, ({ node }) => ({
  node: node?.__typename === 'User' ? { ...node, authorizations: connectionOf(node.authorizations) } : node,
}));
