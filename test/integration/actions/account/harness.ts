import type { ActionContext, ActionResult, AnyActionDefinition } from '../../../../src/actions/types.js';
import { accountActions } from '../../../../src/actions/user/account/index.js';
import { type AdminApi, createAdminApi } from '../../../../src/authgear/client.js';
import { createTokenSource } from '../../../../src/authgear/jwt.js';
import type { AuthgearUser } from '../../../../src/authgear/operations/user-fields.js';
import { getUserNode } from '../../../../src/authgear/operations/users.js';
import {
  type AuthgearFake,
  encodeNodeId,
  type FakeProjectConfig,
  type FakeUser,
  type FakeUserSeed,
  startAuthgearFake,
} from '../../../fakes/authgear/index.js';
import { makeAdminKey } from '../../../support/keys.js';

/** The Authgear fake plus a real AdminApi against it, and a way to run one account action's execute. */
export interface ActionHarness {
  fake: AuthgearFake;
  api: AdminApi;
  seed(seed?: FakeUserSeed): { fake: FakeUser; nodeId: string };
  load(nodeId: string): Promise<AuthgearUser>;
  execute(
    key: string,
    nodeId: string,
    raw?: Record<string, unknown>,
    user?: AuthgearUser,
  ): Promise<ActionResult>;
  close(): Promise<void>;
}

/** A fresh, unique email for each seeded user. */
let seq = 0;
export const uniqueEmail = (): string => {
  seq += 1;
  return `account-it-${seq}@example.com`;
};

export const NOW = new Date('2025-06-01T12:00:00.000Z');
const PROJECT = 'account-actions';

export const actionByKey = (key: string): AnyActionDefinition => {
  const def = accountActions.find((d) => d.key === key);
  if (def === undefined) throw new Error(`no action ${key}`);
  return def;
};

/** `project`: the Authgear project's configuration (default: Authgear's, email login IDs only). */
export const startHarness = async (project: Partial<FakeProjectConfig> = {}): Promise<ActionHarness> => {
  const key = makeAdminKey();
  const fake = await startAuthgearFake({
    projectId: PROJECT,
    keyId: key.keyId,
    publicKeyPem: key.publicKeyPem,
    now: () => NOW,
    project,
  });
  const api = createAdminApi({
    endpoint: fake.url,
    // The bot and Authgear share one clock, as in production (Authgear checks iat/exp against its own).
    tokens: createTokenSource({
      projectId: PROJECT,
      keyId: key.keyId,
      privateKeyPem: key.privateKeyPem,
      now: () => NOW.getTime(),
    }),
  });
  const auditContext = { slack_user_id: 'U0ADMIN', slack_user_name: 'admin' };
  const load = async (nodeId: string): Promise<AuthgearUser> => {
    const { node } = await api.run(getUserNode, { id: nodeId }, auditContext);
    if (node === null || !('standardAttributes' in node)) throw new Error('fake user not found');
    return node;
  };
  return {
    fake,
    api,
    seed: (seed = {}) => {
      const u = fake.store.addUser(seed);
      return { fake: u, nodeId: encodeNodeId('User', u.id) };
    },
    load,
    execute: async (actionKey, nodeId, raw = {}, user) => {
      const def = actionByKey(actionKey);
      const input = def.input.parse({ ...raw, userId: nodeId });
      const target = user ?? (await load(nodeId));
      const ctx: ActionContext = {
        api,
        actor: { userId: 'U0ADMIN', name: 'admin', roles: ['admin'] },
        auditContext,
        now: NOW,
      };
      return def.execute(ctx, input, target);
    },
    close: () => fake.close(),
  };
};
