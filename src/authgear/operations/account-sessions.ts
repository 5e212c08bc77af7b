import { z } from 'zod';
import { defineOperation } from '../operation.js';
import { type UserPayload, userPayload } from './account.js';

/** A user's sessions: list them, revoke one, revoke all. */

export const sessionNode = z.object({
  id: z.string(),
  type: z.string(),
  displayName: z.string(),
  applicationName: z.string().nullish(),
  lastAccessedAt: z.string(),
  lastAccessedByIP: z.string(),
  createdAt: z.string(),
});
export type SessionNode = z.output<typeof sessionNode>;

const userSessionsResult = z.object({
  node: z
    .object({
      __typename: z.string(),
      sessions: z
        .object({
          totalCount: z.number().nullish(),
          edges: z.array(z.object({ node: sessionNode.nullable() }).nullable()).nullish(),
        })
        .nullish(),
    })
    .nullable(),
});

export type UserSessionsData = z.output<typeof userSessionsResult>;

/** The first `first` sessions of a user (node ID), most useful fields only. */
export const getUserSessions = defineOperation<{ id: string; first: number }, UserSessionsData>(
  'GetUserSessions',
  /* GraphQL */ `
    query GetUserSessions($id: ID!, $first: Int!) {
      node(id: $id) {
        __typename
        ... on User {
          sessions(first: $first) {
            totalCount
            edges { node { id type displayName applicationName lastAccessedAt lastAccessedByIP createdAt } }
          }
        }
      }
    }
  `,
  userSessionsResult,
);

/** The session nodes of a `getUserSessions` answer, without the nulls. */
export const sessionsOf = (data: UserSessionsData): { totalCount: number; sessions: SessionNode[] } => {
  const sessions = (data.node?.sessions?.edges ?? []).flatMap((e) => (e?.node ? [e.node] : []));
  return { totalCount: data.node?.sessions?.totalCount ?? sessions.length, sessions };
};

export const revokeAllSessions = defineOperation<{ userID: string }, UserPayload<'revokeAllSessions'>>(
  'RevokeAllSessions',
  /* GraphQL */ `
    mutation RevokeAllSessions($userID: ID!) {
      revokeAllSessions(input: { userID: $userID }) { user { id } }
    }
  `,
  userPayload('revokeAllSessions'),
);

export const revokeSession = defineOperation<{ sessionID: string }, UserPayload<'revokeSession'>>(
  'RevokeSession',
  /* GraphQL */ `
    mutation RevokeSession($sessionID: ID!) {
      revokeSession(input: { sessionID: $sessionID }) { user { id } }
    }
  `,
  userPayload('revokeSession'),
);
