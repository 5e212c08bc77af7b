/** A bare Admin API client for tests that talk to the Authgear fake directly (no bot in between). */
import {
  type AuthgearFake,
  type AuthgearFakeOptions,
  type FakeProjectConfig,
  startAuthgearFake,
} from '../fakes/authgear/index.js';
import { type AdminJwtOverrides, type AdminKey, makeAdminKey, signAdminJwt } from './keys.js';

export interface GraphQLError {
  message: string;
  path?: (string | number)[];
  extensions?: { errorName?: string; reason?: string; info?: Record<string, unknown> };
}

export interface GraphQLAnswer {
  status: number;
  text: string;
  body: { data?: Record<string, unknown> | null; errors?: GraphQLError[]; error?: Record<string, unknown> };
}

export interface FakeAdminClient {
  readonly fake: AuthgearFake;
  readonly key: AdminKey;
  /** POSTs a document; the JWT carries `jwt` overrides. */
  post(query: string, variables?: Record<string, unknown>, jwt?: AdminJwtOverrides): Promise<GraphQLAnswer>;
  /** POSTs and returns the body, failing the test on a non-200 answer. */
  gql(query: string, variables?: Record<string, unknown>): Promise<GraphQLAnswer['body']>;
  close(): Promise<void>;
}

export const PROJECT_ID = 'fake-facts';

export const startFakeAdmin = async (
  options: { project?: Partial<FakeProjectConfig>; now?: () => Date } & Partial<AuthgearFakeOptions> = {},
): Promise<FakeAdminClient> => {
  const key = makeAdminKey();
  const fake = await startAuthgearFake({
    projectId: PROJECT_ID,
    keyId: key.keyId,
    publicKeyPem: key.publicKeyPem,
    ...options,
  });
  const post = async (query: string, variables: Record<string, unknown> = {}, jwt?: AdminJwtOverrides) => {
    const token = await signAdminJwt(key, PROJECT_ID, {
      ...(options.now ? { issuedAt: Math.floor(options.now().getTime() / 1000) } : {}),
      ...jwt,
    });
    const res = await fetch(`${fake.url}/_api/admin/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
    });
    const text = await res.text();
    let body: GraphQLAnswer['body'] = {};
    try {
      body = JSON.parse(text) as GraphQLAnswer['body'];
    } catch {
      // A plain-text answer (403) keeps an empty body; `text` has it.
    }
    return { status: res.status, text, body };
  };
  return {
    fake,
    key,
    post,
    async gql(query, variables) {
      const answer = await post(query, variables);
      if (answer.status !== 200) throw new Error(`HTTP ${answer.status}: ${answer.text}`);
      return answer.body;
    },
    close: () => fake.close(),
  };
};

/** The first error's extensions, for assertions on Authgear's error shapes. */
export const firstError = (body: GraphQLAnswer['body']): GraphQLError | undefined => body.errors?.[0];
