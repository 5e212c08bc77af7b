import type { ActionContext, ActionResult, AnyActionDefinition } from '../../../../src/actions/types.js';
import { recordActionsFor } from '../../../../src/actions/user/records/index.js';
import { type AdminApi, createAdminApi } from '../../../../src/authgear/client.js';
import { createTokenSource } from '../../../../src/authgear/jwt.js';
import type { AuthgearUser } from '../../../../src/authgear/operations/user-fields.js';
import { getUserNode } from '../../../../src/authgear/operations/users.js';
import type { LoginIdKey } from '../../../../src/authgear/project.js';
import {
  type AuthgearFake,
  encodeNodeId,
  type FakeProjectConfig,
  type FakeUser,
  type FakeUserSeed,
  type RecordedRequest,
  startAuthgearFake,
} from '../../../fakes/authgear/index.js';
import { makeAdminKey } from '../../../support/keys.js';

/** The Authgear fake, a real AdminApi against it, and a way to run one records action's execute. */
export interface RecordsHarness {
  fake: AuthgearFake;
  api: AdminApi;
  /** The fake's clock; tests move it to make later changes visible in `updatedAt`. */
  clock: { now: Date };
  seed(seed?: FakeUserSeed): { fake: FakeUser; nodeId: string };
  load(nodeId: string): Promise<AuthgearUser>;
  /** Parses `raw` with the action's schema (userId added when given) and runs execute on a fresh user. */
  execute(key: string, nodeId: string | undefined, raw?: Record<string, unknown>): Promise<ActionResult>;
  /** Requests whose operation is a mutation (by name), in order. */
  mutations(): RecordedRequest[];
  close(): Promise<void>;
}

const PROJECT = 'records-actions';
export const AUDIT_CONTEXT = { slack_user_id: 'U0ADMIN', slack_user_name: 'admin' };
const QUERIES = new Set([
  'GetUserNode',
  'GetUserAuthorizations',
  'GetUsersByStandardAttribute',
  'GetUserByLoginID',
]);

/** The definition of a record action, built for a project with these login ID keys (as the bot is). */
export const recordAction = (
  key: string,
  loginIdKeys: readonly LoginIdKey[] = ['email'],
): AnyActionDefinition => {
  const def = recordActionsFor({ loginIdKeys }).find((d) => d.key === key);
  if (def === undefined) throw new Error(`no action ${key}`);
  return def;
};

/** `project`: the Authgear project's configuration (default: Authgear's, email login IDs only). */
export const startRecordsHarness = async (
  project: Partial<FakeProjectConfig> = {},
): Promise<RecordsHarness> => {
  const key = makeAdminKey();
  const clock = { now: new Date('2026-05-01T09:00:00.000Z') };
  const fake = await startAuthgearFake({
    projectId: PROJECT,
    keyId: key.keyId,
    publicKeyPem: key.publicKeyPem,
    now: () => clock.now,
    project,
  });
  const api = createAdminApi({
    endpoint: fake.url,
    // The bot and Authgear share one clock, as in production (Authgear checks iat/exp against its own).
    tokens: createTokenSource({
      projectId: PROJECT,
      keyId: key.keyId,
      privateKeyPem: key.privateKeyPem,
      now: () => clock.now.getTime(),
    }),
  });
  const load = async (nodeId: string): Promise<AuthgearUser> => {
    const { node } = await api.run(getUserNode, { id: nodeId }, AUDIT_CONTEXT);
    if (node === null || !('standardAttributes' in node)) throw new Error('fake user not found');
    return node;
  };
  const ctx: ActionContext = {
    api,
    actor: { userId: 'U0ADMIN', name: 'admin', roles: ['admin'] },
    auditContext: AUDIT_CONTEXT,
    now: clock.now,
  };
  return {
    fake,
    api,
    clock,
    seed: (seed = {}) => {
      const u = fake.store.addUser(seed);
      return { fake: u, nodeId: encodeNodeId('User', u.id) };
    },
    load,
    execute: async (actionKey, nodeId, raw = {}) => {
      const def = recordAction(actionKey, project.loginIdKeys ?? ['email']);
      const input = def.input.parse(nodeId === undefined ? raw : { ...raw, userId: nodeId });
      const user = nodeId === undefined ? undefined : await load(nodeId);
      return def.execute(ctx, input, user);
    },
    mutations: () => fake.requests.filter((r) => !QUERIES.has(r.operationName ?? '')),
    close: () => fake.close(),
  };
};
