/** A bare Admin API client for tests that talk to the Authgear fake directly (no bot in between). */
import { type AuthgearFake, startAuthgearFake } from '../../fakes/authgear/index.js';
import { makeAdminKey, signAdminJwt } from '../../support/keys.js';

export interface GraphQLError {
  message: string;
  extensions?: { errorName?: string; reason?: string; info?: Record<string, unknown> };
}

export interface GraphQLBody {
  data?: Record<string, unknown> | null;
  errors?: GraphQLError[];
}

export interface FakeAdmin {
  readonly fake: AuthgearFake;
  /** POSTs a document and returns the answer's body (failing on anything but HTTP 200). */
  gql(query: string, variables?: Record<string, unknown>): Promise<GraphQLBody>;
  close(): Promise<void>;
}

const PROJECT_ID = 'fake-api';

export const startFakeAdmin = async (now?: () => Date): Promise<FakeAdmin> => {
  const key = makeAdminKey();
  const fake = await startAuthgearFake({
    projectId: PROJECT_ID,
    keyId: key.keyId,
    publicKeyPem: key.publicKeyPem,
    ...(now ? { now } : {}),
  });
  return {
    fake,
    async gql(query, variables = {}) {
      const token = await signAdminJwt(key, PROJECT_ID, {
        ...(now ? { issuedAt: Math.floor(now().getTime() / 1000) } : {}),
      });
      const res = await fetch(`${fake.url}/_api/admin/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query, variables }),
      });
      if (res.status !== 200) throw new Error(`HTTP ${res.status}: ${await res.text()}`);
      return (await res.json()) as GraphQLBody;
    },
    close: () => fake.close(),
  };
};

/** The first error's `errorName`, `reason` and `info`, for assertions on Authgear's error shapes. */
export const errorOf = (body: GraphQLBody) => {
  const e = body.errors?.[0];
  return { errorName: e?.extensions?.errorName, reason: e?.extensions?.reason, info: e?.extensions?.info };
};

/** `data[name]` of an answer, failing the test when the answer has no data. */
export const dataOf = <T>(body: GraphQLBody, name: string): T => {
  if (!body.data) throw new Error(`no data in ${JSON.stringify(body)}`);
  return body.data[name] as T;
};
