/** N app instances (replicas) sharing one approvals store, one Slack fake and ONE Authgear fake. */
import type { BuiltApp } from '../../../src/app.js';
import { createRedisApprovalStore } from '../../../src/approvals/redis-store.js';
import type { ApprovalService } from '../../../src/approvals/service.js';
import type { ApprovalStore } from '../../../src/approvals/store.js';
import type { AuditEvent } from '../../../src/audit/event.js';
import { parsePolicyText } from '../../../src/config/policy.js';
import { createMemoryConfirmationStore } from '../../../src/confirmations/memory-store.js';
import { createRedisConfirmationStore } from '../../../src/confirmations/redis-store.js';
import type { ConfirmationStore } from '../../../src/confirmations/store.js';
import type { QueryVerb } from '../../../src/queries/types.js';
import type { RedisClient } from '../../../src/redis/client.js';
import { createMemorySecretStore } from '../../../src/secrets/memory-store.js';
import { createRedisSecretStore } from '../../../src/secrets/redis-store.js';
import type { SecretStore } from '../../../src/secrets/store.js';
import type { AuthgearFake } from '../../fakes/authgear/index.js';
import type { SlackFake } from '../../fakes/slack/index.js';
import { CHANNELS, PEOPLE, startFakes, startInstance } from '../../support/app.js';
import { uniquePrefix } from '../../support/redis.js';
import type { SlackDriver } from '../../support/slack-driver.js';

export const ADMIN3 = 'U0ADMIN3';

/**
 * support requests; admins approve. `user.disable` needs `required` approvals. With `supportMember: false` the
 * support person has no role at all (a policy changed after they asked).
 */
export const approvalPolicy = (required: number, { supportMember = true } = {}): string => `
channels:
  approvals: ${CHANNELS.approvals}
  audit: ${CHANNELS.audit}
roles:
  support: { actions: [user.view, user.disable, user.enable, approvals.view] }
  admin: { inherits: [support], actions: ["*"] }
members:
  - { slack_user: ${PEOPLE.admin}, roles: [admin] }
  - { slack_user: ${PEOPLE.admin2}, roles: [admin] }
  - { slack_user: ${ADMIN3}, roles: [admin] }
${supportMember ? `  - { slack_user: ${PEOPLE.support}, roles: [support] }` : ''}
  - { slack_user: ${PEOPLE.viewer}, roles: [support] }
approvals:
  user.disable: { approvers: [admin], required: ${required}, expires_in: 1h }
`;

export interface ClusterInstance {
  readonly built: BuiltApp;
  readonly approvals: ApprovalService;
  readonly driver: SlackDriver;
  /** Every log line this instance wrote. */
  readonly logs: readonly string[];
}

export interface Cluster {
  readonly slack: SlackFake;
  readonly authgear: AuthgearFake;
  /** Running and stopped instances, in start order (indexes stay stable). */
  readonly instances: ReadonlyArray<ClusterInstance>;
  readonly audit: AuditEvent[];
  /** Starts one more instance on the same fakes (a restarted bot), optionally with its own stores or policy. */
  addInstance(options?: {
    store?: ApprovalStore;
    confirmations?: ConfirmationStore;
    policy?: string;
  }): Promise<ClusterInstance>;
  /** Stops instance `i` (a bot going down); its HTTP endpoint closes. */
  stopInstance(i: number): Promise<void>;
  /** Moves every instance's clock (for expiry). */
  advance(ms: number): void;
  stop(): Promise<void>;
}

/** N replicas wired by createApp exactly as main.ts wires one (`approvals: { store }`), sharing the fakes. */
export const startCluster = async ({
  store,
  confirmations = createMemoryConfirmationStore(),
  secrets = createMemorySecretStore(),
  instances = 1,
  policy,
  queries,
}: {
  store: ApprovalStore;
  /** Shared by every instance, as replicas share Redis (default: one memory store for all). */
  confirmations?: ConfirmationStore;
  /** Shared by every instance (default: one memory store for all). */
  secrets?: SecretStore;
  instances?: number;
  policy: string;
  queries?: readonly QueryVerb[];
}): Promise<Cluster> => {
  const fakes = await startFakes({
    extraPeople: [{ id: ADMIN3, name: 'linus', email: 'linus@ops.example.com' }],
  });
  const audit: AuditEvent[] = [];
  let offset = 0;
  const now = () => new Date(Date.now() + offset);
  const list: ClusterInstance[] = [];
  const stopped = new Set<number>();

  const addInstance: Cluster['addInstance'] = async (options = {}) => {
    const { built, driver, logs } = await startInstance(fakes, parsePolicyText(options.policy ?? policy), {
      now,
      ...(queries ? { queries } : {}),
      deps: {
        approvals: { store: options.store ?? store },
        confirmations: options.confirmations ?? confirmations,
        secrets,
        audit: { record: async (e) => void audit.push(e) },
      },
    });
    const instance = { built, approvals: built.approvals, driver, logs };
    list.push(instance);
    return instance;
  };

  for (let i = 0; i < instances; i++) await addInstance();
  return {
    slack: fakes.slack,
    authgear: fakes.authgear,
    instances: list,
    audit,
    addInstance,
    async stopInstance(i) {
      if (stopped.has(i)) return;
      stopped.add(i);
      await list[i]?.built.stop();
    },
    advance(ms) {
      offset += ms;
    },
    async stop() {
      for (const [i, inst] of list.entries()) if (!stopped.has(i)) await inst.built.stop();
      await fakes.close();
    },
  };
};

/** N replicas sharing one Redis, as production runs them: approvals, confirmations and secrets on a fresh prefix. */
export const startClusterOnRedis = async (
  redis: RedisClient,
  options: { policy: string; instances?: number },
): Promise<{ cluster: Cluster; prefix: string }> => {
  const prefix = uniquePrefix();
  const cluster = await startCluster({
    store: createRedisApprovalStore({ redis, prefix }),
    confirmations: createRedisConfirmationStore({ redis, prefix }),
    secrets: createRedisSecretStore({ redis, prefix }),
    instances: options.instances ?? 2,
    policy: options.policy,
  });
  return { cluster, prefix };
};
