/** Assertions on the Authgear fake's answers, over the shared bare client (test/support/admin-graphql.ts). */
import {
  type FakeAdminClient,
  firstError,
  type GraphQLAnswer,
  startFakeAdmin,
} from '../../support/admin-graphql.js';

export type FakeAdmin = FakeAdminClient;
export type GraphQLBody = GraphQLAnswer['body'];

/** The shared client, on a fake whose clock is `now` when given. */
export const startFake = (now?: () => Date): Promise<FakeAdmin> => startFakeAdmin(now ? { now } : {});

/** The first error's `errorName`, `reason` and `info`, for assertions on Authgear's error shapes. */
export const errorOf = (body: GraphQLBody) => {
  const e = firstError(body);
  return { errorName: e?.extensions?.errorName, reason: e?.extensions?.reason, info: e?.extensions?.info };
};

/** `data[name]` of an answer, failing the test when the answer has no data. */
export const dataOf = <T>(body: GraphQLBody, name: string): T => {
  if (!body.data) throw new Error(`no data in ${JSON.stringify(body)}`);
  return body.data[name] as T;
};
