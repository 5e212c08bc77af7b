/**
 * Restating authgear-server's own Admin API end-to-end cases (e2e/tests/admin_api/*.test.yaml at the schema's
 * commit, fa7a7d5) against the fake: each case gets a fresh project configured like e2e/var/authgear.yaml, is
 * seeded with what its SQL fixture or user import inserts, sends the case's document and variables, and
 * compares the answer the way the runner does (test/support/json-match.ts). Checks the runner makes with SQL
 * on stored rows or on the audit database become the same checks on the fake's state, shaped as those rows.
 */
import { expect } from 'vitest';
import {
  e2eProjectConfig,
  encodeNodeId,
  type FakeProjectConfig,
  type FakeStore,
} from '../../fakes/authgear/index.js';
import { type FakeAdminClient, startFakeAdmin } from '../../support/admin-graphql.js';
import { asRunnerSeesIt, matchJson } from '../../support/json-match.js';

/** A fresh e2e project (optionally with an authgear.yaml override), closed by the caller. */
export const e2eProject = (override: Partial<FakeProjectConfig> = {}): Promise<FakeAdminClient> =>
  startFakeAdmin({ project: { ...e2eProjectConfig(), ...override } });

/**
 * `admin_api_graphql` step: sends the document and variables and matches `admin_api_output.result` as the
 * runner does. The answer must also match strictly (an object pattern wants an object), except where a case
 * expects `{ field: null }` for a failed NON-NULL root field: graphql answers `data: null` there (as Authgear
 * does in get_users_by_standard_attribute.test.yaml), which the runner's matcher lets pass an object pattern.
 */
export const expectAdminApi = async (
  client: FakeAdminClient,
  query: string,
  variables: Record<string, unknown>,
  expected: unknown,
  options: { nonNullRootFailed?: boolean } = {},
): Promise<void> => {
  const answer = await client.post(query, variables);
  expect(answer.status).toBe(200);
  const seen = asRunnerSeesIt(answer.body);
  expect(matchJson(seen, expected)).toEqual([]);
  if (options.nonNullRootFailed === true) {
    expect(seen.data).toBeNull();
    expect(answer.body.errors?.length).toBe(1);
  } else {
    expect(matchJson(seen, expected, true)).toEqual([]);
  }
};

/** A `query` / `audit_query` step: rows computed from the fake's state, matched like `query_output.rows`. */
export const expectRows = (rows: readonly unknown[], expected: unknown): void => {
  expect(matchJson(rows, expected)).toEqual([]);
};

/** `{{ nodeID "User" id }}` */
export const userNodeId = (rawId: string): string => encodeNodeId('User', rawId);

/** `SELECT activity_type, data->'payload'->>'recipient' FROM _audit_log WHERE activity_type = 'email.sent'` */
export const emailSentRows = (store: FakeStore) =>
  store
    .auditLogs()
    .filter((l) => l.activityType === 'EMAIL_SENT')
    .map((l) => ({
      activity_type: 'email.sent',
      recipient: (l.data as { payload?: { recipient?: unknown } } | null)?.payload?.recipient ?? null,
    }));

/** Password authenticator rows of the users whose standard attribute `name` is `value` (the SQL joins). */
export const passwordRows = (store: FakeStore, name: string, value: string) =>
  store
    .users()
    .filter((u) => u.standardAttributes[name] === value)
    .flatMap((u) =>
      u.authenticators
        .filter((a) => a.type === 'PASSWORD')
        .map((a) => ({ user_id: u.id, password_hash: a.password ?? null, expire_after: a.expireAfter })),
    );

const CREATED = '2024-08-27T07:51:42.040683Z';
const UPDATED = '2024-08-27T07:51:42.056654Z';
const bare = {
  password: null,
  emailVerified: false,
  phoneVerified: false,
  createdAt: CREATED,
  updatedAt: UPDATED,
};

/** get_users_admin_api_user.sql: an email, a phone, a username and an Azure AD user; no authenticators. */
export const seedGetUsersFixture = (store: FakeStore): void => {
  store.addUser({ ...bare, email: 'e2e_admin_api_get_users@example.com' });
  store.addUser({ ...bare, phone: '+85261236544' });
  store.addUser({ ...bare, username: 'e2e_admin_api_get_users_username' });
  store.addUser({
    ...bare,
    standardAttributes: {
      name: 'e2e OAuth user',
      preferred_username: 'e2e_admin_api_get_user_oauth_name@example.com',
    },
    oauth: {
      alias: 'azureadv2',
      subject: 'e2e_admin_api_get_user_oauth_id',
      claims: { name: 'e2e OAuth user', preferred_username: 'e2e_admin_api_get_user_oauth_name@example.com' },
    },
  });
};

/** create_identity_user.sql: one user with only an anonymous identity and empty attributes. */
export const seedAnonymousUser = (store: FakeStore) => store.addUser({ ...bare, anonymous: true });

/** users.json (user import, identifier preferred_username), each with a bcrypt password. */
export const seedUserImport = (store: FakeStore): void => {
  store.addUser({
    username: 'change_password_test',
    email: 'change_password_test@example.com',
    password: 'imported-bcrypt-hash',
  });
  store.addUser({ username: 'change_password_test_no_target', password: 'imported-bcrypt-hash' });
};
