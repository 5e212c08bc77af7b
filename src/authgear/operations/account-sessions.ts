import {
  GetUserSessionsDocument,
  type GetUserSessionsQuery,
  RevokeAllSessionsDocument,
  RevokeSessionDocument,
} from '../documents/operations.generated.js';
import { defineOperation } from '../operation.js';
import { connectionOf, type NodeOf } from './user-fields.js';

/** A user's sessions: list them, revoke one, revoke all. */

type SessionsOfUser = Extract<NonNullable<GetUserSessionsQuery['node']>, { __typename: 'User' }>['sessions'];
export type SessionNode = NodeOf<SessionsOfUser>;
export type UserSessionsData = GetUserSessionsQuery;

/** The first `first` sessions of a user (node ID), most useful fields only. */
export const getUserSessions = defineOperation(GetUserSessionsDocument);

/** The session nodes of a `getUserSessions` answer, without the nulls. */
export const sessionsOf = (data: UserSessionsData): { totalCount: number; sessions: SessionNode[] } => {
  const sessions = data.node?.__typename === 'User' ? connectionOf(data.node.sessions) : undefined;
  return { totalCount: sessions?.totalCount ?? 0, sessions: sessions?.nodes ?? [] };
};

export const revokeAllSessions = defineOperation(RevokeAllSessionsDocument);
export const revokeSession = defineOperation(RevokeSessionDocument);
