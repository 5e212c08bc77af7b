import { z } from 'zod';
import { defineOperation } from '../operation.js';
import { connection, identityNode, USER_FIELDS, userSchema } from './user-fields.js';

/** Authgear's `IdentityDefinition` for a login ID (the only kind the Admin API creates). */
export interface LoginIdDefinition {
  readonly loginID: { readonly key: 'email' | 'phone' | 'username'; readonly value: string };
}

const touchedUser = z.object({ id: z.string(), updatedAt: z.string() });

export const createUser = defineOperation<
  {
    input: {
      definition: LoginIdDefinition;
      password?: string | null;
      sendPassword?: boolean;
      setPasswordExpired?: boolean;
    };
  },
  { createUser: { user: z.output<typeof userSchema> } }
>(
  'CreateUser',
  /* GraphQL */ `
    mutation CreateUser($input: CreateUserInput!) {
      createUser(input: $input) { user { ...UserFields } }
    }
    ${USER_FIELDS}
  `,
  z.object({ createUser: z.object({ user: userSchema }) }),
);

/** The attributes as Authgear stored them: it may drop what it does not accept (unconfigured custom ones). */
const savedUser = touchedUser.extend({
  standardAttributes: z.record(z.string(), z.unknown()),
  customAttributes: z.record(z.string(), z.unknown()),
});

/**
 * Replaces the WHOLE attribute objects: callers always read-modify-write (see actions/user/records/attributes.ts)
 * and compare what comes back with what they sent.
 */
export const updateUser = defineOperation<
  {
    input: {
      userID: string;
      standardAttributes?: Record<string, unknown>;
      customAttributes?: Record<string, unknown>;
    };
  },
  { updateUser: { user: z.output<typeof savedUser> } }
>(
  'UpdateUser',
  /* GraphQL */ `
    mutation UpdateUser($input: UpdateUserInput!) {
      updateUser(input: $input) { user { id updatedAt standardAttributes customAttributes } }
    }
  `,
  z.object({ updateUser: z.object({ user: savedUser }) }),
);

const identityPayload = z.object({ identity: identityNode, user: touchedUser });

export const createIdentity = defineOperation<
  { input: { userID: string; definition: LoginIdDefinition } },
  { createIdentity: z.output<typeof identityPayload> }
>(
  'CreateIdentity',
  /* GraphQL */ `
    mutation CreateIdentity($input: CreateIdentityInput!) {
      createIdentity(input: $input) { identity { id type claims createdAt } user { id updatedAt } }
    }
  `,
  z.object({ createIdentity: identityPayload }),
);

export const updateIdentity = defineOperation<
  { input: { userID: string; identityID: string; definition: LoginIdDefinition } },
  { updateIdentity: z.output<typeof identityPayload> }
>(
  'UpdateIdentity',
  /* GraphQL */ `
    mutation UpdateIdentity($input: UpdateIdentityInput!) {
      updateIdentity(input: $input) { identity { id type claims createdAt } user { id updatedAt } }
    }
  `,
  z.object({ updateIdentity: identityPayload }),
);

export const deleteIdentity = defineOperation<
  { input: { identityID: string } },
  { deleteIdentity: { user: z.output<typeof touchedUser> } }
>(
  'DeleteIdentity',
  /* GraphQL */ `
    mutation DeleteIdentity($input: DeleteIdentityInput!) {
      deleteIdentity(input: $input) { user { id updatedAt } }
    }
  `,
  z.object({ deleteIdentity: z.object({ user: touchedUser }) }),
);

export const deleteAuthenticator = defineOperation<
  { input: { authenticatorID: string } },
  { deleteAuthenticator: { user: z.output<typeof touchedUser> } }
>(
  'DeleteAuthenticator',
  /* GraphQL */ `
    mutation DeleteAuthenticator($input: DeleteAuthenticatorInput!) {
      deleteAuthenticator(input: $input) { user { id updatedAt } }
    }
  `,
  z.object({ deleteAuthenticator: z.object({ user: touchedUser }) }),
);

export const deleteAuthorization = defineOperation<
  { input: { authorizationID: string } },
  { deleteAuthorization: { user: z.output<typeof touchedUser> } }
>(
  'DeleteAuthorization',
  /* GraphQL */ `
    mutation DeleteAuthorization($input: DeleteAuthorizationInput!) {
      deleteAuthorization(input: $input) { user { id updatedAt } }
    }
  `,
  z.object({ deleteAuthorization: z.object({ user: touchedUser }) }),
);

export const authorizationNode = z.object({
  id: z.string(),
  clientID: z.string(),
  scopes: z.array(z.string()),
  createdAt: z.string(),
});
export type AuthgearAuthorization = z.output<typeof authorizationNode>;

const authorizationsResult = z.object({
  node: z.union([
    z.object({
      __typename: z.literal('User'),
      id: z.string(),
      authorizations: connection(authorizationNode),
    }),
    z.object({ __typename: z.string() }),
    z.null(),
  ]),
});

/** The OAuth authorizations (third-party app consents) a user has granted. */
export const getUserAuthorizations = defineOperation<{ id: string }, z.output<typeof authorizationsResult>>(
  'GetUserAuthorizations',
  /* GraphQL */ `
    query GetUserAuthorizations($id: ID!) {
      node(id: $id) {
        __typename
        ... on User {
          id
          authorizations(first: 50) { totalCount edges { node { id clientID scopes createdAt } } }
        }
      }
    }
  `,
  authorizationsResult,
);
