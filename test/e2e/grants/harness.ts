/**
 * Replicas of the real app sharing the fakes and, optionally, one Redis (their own connections to it, as separate
 * processes would have), with a clock every replica reads and a test can move. Grants, approvals and audit events
 * are observed where a person would see them: the Slack fake, the Admin API fake and the audit sink.
 */
import type { Redis } from 'ioredis';
import { createMemoryApprovalStore } from '../../../src/approvals/memory-store.js';
import { createRedisApprovalStore } from '../../../src/approvals/redis-store.js';
import type { AuditEvent } from '../../../src/audit/event.js';
import { parsePolicyText } from '../../../src/config/policy.js';
import { createMemoryGrantStore } from '../../../src/grants/memory-store.js';
import type { GrantRecord } from '../../../src/grants/record.js';
import { createRedisGrantStore } from '../../../src/grants/redis-store.js';
import type { GrantStore } from '../../../src/grants/store.js';
import { connectRedis } from '../../../src/redis/client.js';
import { encodeNodeId, type RecordedRequest } from '../../fakes/authgear/index.js';
import { CHANNELS, type Fakes, type Instance, PEOPLE, startFakes, startInstance } from '../../support/app.js';
import { openHomeTab } from '../../support/home.js';
import { waitFor } from '../../support/wait.js';
import { buttonsOf, confirmValueOf } from '../account/flow.js';

type Json = Record<string, unknown>;

/** The people the grant tests give roles to: `freshUserAndRole(c, name)` makes `<name>_role`. */
export const GRANTABLE = [
  'dee',
  'eve',
  'fay',
  'gil',
  'hal',
  'ida',
  'ivy',
  'kim',
  'lou',
  'alice2s',
  'bobdown',
  'caradown',
];

/**
 * support may grant (the roles of GRANTABLE, 8h at most) and end grants; admins may do anything and approve.
 * `approve: true` gates user.grant; `targets` adds lines under `grants.targets`.
 */
export const grantPolicy = ({ approve = false, extra = '', targets = '' } = {}): string => `
channels:
  approvals: ${CHANNELS.approvals}
  audit: ${CHANNELS.audit}
roles:
  support: { actions: [user.view, user.grant, user.revoke_grant, approvals.view] }
  admin: { inherits: [support], actions: ["*"] }
members:
  - { slack_user: ${PEOPLE.admin}, roles: [admin] }
  - { slack_user: ${PEOPLE.admin2}, roles: [admin] }
  - { slack_user: ${PEOPLE.support}, roles: [support] }
  - { slack_user: ${PEOPLE.viewer}, roles: [support] }
grants:
  max_duration: 8h
  remind_before: 15m
  targets:
${GRANTABLE.map((name) => `    role:${name}_role: 8h`).join('\n')}
${targets}
${extra}
${approve ? `approvals:\n  user.grant: { approvers: [admin], required: 1, expires_in: 1h }` : ''}
`;

export interface GrantCluster {
  readonly fakes: Fakes;
  readonly instances: Instance[];
  readonly audit: AuditEvent[];
  /** Starts one more replica (a restarted bot) on the same fakes and store. */
  addInstance(): Promise<Instance>;
  stopInstance(i: number): Promise<void>;
  /** Moves every replica's clock. */
  advance(ms: number): void;
  now(): Date;
  stop(): Promise<void>;
}

export interface GrantClusterOptions {
  readonly policy: string;
  readonly instances?: number;
  /** Shared Redis URL and prefix; without it, one in-memory store shared by the replicas of this process. */
  readonly redis?: { readonly url: string; readonly prefix: string };
  readonly pollMs?: number;
  readonly backoffMs?: (attempt: number) => number;
}

export const startGrantCluster = async (options: GrantClusterOptions): Promise<GrantCluster> => {
  const fakes = await startFakes();
  const policy = parsePolicyText(options.policy);
  const audit: AuditEvent[] = [];
  const connections: Redis[] = [];
  const memory = { grants: createMemoryGrantStore(), approvals: createMemoryApprovalStore() };
  let offset = 0;
  const now = () => new Date(Date.now() + offset);
  const instances: Instance[] = [];
  const stopped = new Set<number>();

  const stores = () => {
    if (!options.redis) return memory;
    const redis = connectRedis(options.redis.url);
    connections.push(redis);
    const { prefix } = options.redis;
    return {
      grants: createRedisGrantStore({ redis, prefix }) as GrantStore,
      approvals: createRedisApprovalStore({ redis, prefix }),
    };
  };

  const addInstance = async (): Promise<Instance> => {
    const s = stores();
    const instance = await startInstance(fakes, policy, {
      now,
      deps: {
        approvals: { store: s.approvals },
        grants: {
          store: s.grants,
          pollMs: options.pollMs ?? 50,
          ...(options.backoffMs ? { backoffMs: options.backoffMs } : {}),
        },
        audit: { record: async (e) => void audit.push(e) },
      },
    });
    instances.push(instance);
    return instance;
  };

  for (let i = 0; i < (options.instances ?? 1); i += 1) await addInstance();
  return {
    fakes,
    instances,
    audit,
    addInstance,
    async stopInstance(i) {
      if (stopped.has(i)) return;
      stopped.add(i);
      await instances[i]?.built.stop();
    },
    advance(ms) {
      offset += ms;
    },
    now,
    async stop() {
      for (const [i, inst] of instances.entries()) if (!stopped.has(i)) await inst.built.stop();
      for (const c of connections) c.disconnect();
      await fakes.close();
    },
  };
};

const driverOf = (c: GrantCluster, i: number) => {
  const instance = c.instances[i];
  if (!instance) throw new Error(`no instance ${i}`);
  return instance.driver;
};

/** The final answer to a click (not the "working…" placeholder). */
const finalAnswer = (c: GrantCluster, responseUrlId: string | undefined): Promise<Json> =>
  waitFor(
    () =>
      c.fakes.slack
        .responsesTo(responseUrlId ?? '')
        .map((r) => r.body)
        .find((b) => !String(b.text ?? '').endsWith('…')),
    { message: 'the answer to a click' },
  );

/** `/authgear <text>` as `userId`; the first answer. */
export const slash = async (c: GrantCluster, userId: string, text: string, instance = 0): Promise<Json> => {
  const cmd = await driverOf(c, instance).slashCommand({ userId, text });
  return waitFor(() => c.fakes.slack.responsesTo(cmd.responseUrlId ?? '')[0]?.body, { message: text });
};

/** Clicks Confirm on a confirmation message; the final answer. */
export const confirm = async (c: GrantCluster, userId: string, confirmation: Json, instance = 0) => {
  const click = await driverOf(c, instance).blockAction({
    userId,
    actionId: 'confirm_action',
    blockId: 'confirm',
    value: confirmValueOf(confirmation),
  });
  return finalAnswer(c, click.responseUrlId);
};

/** `/authgear <text>`, then Confirm; the final answer. */
export const run = async (c: GrantCluster, userId: string, text: string, instance = 0): Promise<Json> =>
  confirm(c, userId, await slash(c, userId, text, instance), instance);

/** Clicks a start_action button (Extend, Revoke now) found in `message`; the confirmation it brings. */
export const clickStart = async (
  c: GrantCluster,
  userId: string,
  message: Json,
  label: string,
): Promise<Json> => {
  const button = buttonsOf(message).find((b) => JSON.stringify(b.text).includes(label));
  if (!button) throw new Error(`no "${label}" button in ${JSON.stringify(message)}`);
  const click = await driverOf(c, 0).blockAction({
    userId,
    actionId: String(button.action_id),
    value: String(button.value),
  });
  return waitFor(() => c.fakes.slack.responsesTo(click.responseUrlId ?? '')[0]?.body, { message: label });
};

/** Approves the newest approval card for `userId` as an admin; waits for its execution to be audited. */
export const approveLatest = async (c: GrantCluster, approver: string = PEOPLE.admin): Promise<string> => {
  const card = c.fakes.slack
    .messagesIn(CHANNELS.approvals)
    .filter((m) => m.method === 'chat.postMessage')
    .at(-1);
  const id = buttonsOf(card?.args ?? {}).find((b) => b.action_id === 'approval_approve')?.value;
  if (typeof id !== 'string') throw new Error('no approval card');
  await driverOf(c, 0).blockAction({
    userId: approver,
    actionId: 'approval_approve',
    blockId: 'approval',
    value: id,
    channelId: CHANNELS.approvals,
  });
  await waitFor(
    () => c.audit.find((e) => e.approvalId === id && (e.type === 'executed' || e.type === 'failed')),
    {
      message: 'the approved action to run',
    },
  );
  return id;
};

/** A fresh Authgear user and role; `holds()` says whether the user has the role now. */
export const freshUserAndRole = (c: GrantCluster, name: string) => {
  const store = c.fakes.authgear.store;
  const role = store.addRole({ key: `${name}_role` });
  const user = store.addUser({ email: `${name}@example.com` });
  return {
    email: `${name}@example.com`,
    roleKey: role.key,
    nodeId: encodeNodeId('User', user.id),
    holds: () => user.roleIds.has(role.id),
  };
};

/** removeUserFromRoles requests Authgear received for `roleKey`. */
export const removals = (c: GrantCluster, roleKey: string): RecordedRequest[] =>
  c.fakes.authgear.requests.filter(
    (r) => r.query.includes('removeUserFromRoles') && JSON.stringify(r.variables).includes(`"${roleKey}"`),
  );

/** Audit events about grants of `email` (scheduler events carry the user's label as target). */
export const grantEvents = (c: GrantCluster, email: string, type?: AuditEvent['type']): AuditEvent[] =>
  c.audit.filter(
    (e) =>
      (e.action === 'user.grant' || e.action === 'user.revoke_grant') &&
      e.target?.label.includes(email) === true &&
      (type === undefined || e.type === type),
  );

/** The ledger's view of the user's grants (as `grants <who>` reads them). */
export const liveGrants = (c: GrantCluster, nodeId: string): Promise<GrantRecord[]> => {
  const instance = c.instances.at(-1);
  if (!instance) throw new Error('no instance');
  return instance.built.grants.ledger.live(nodeId);
};

/** DMs the bot sent to `userId`. */
export const dmsTo = (c: GrantCluster, userId: string): Json[] =>
  c.fakes.slack.messagesIn(c.fakes.slack.dmChannelFor(userId)).map((m) => m.args);

/** Lets `ms` of real time pass (only where a test's subject is real time: a 2 s grant). */
export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Opens `userId`'s App Home and returns the view published. */
export const openHomeOf = (c: GrantCluster, userId: string): Promise<Json> =>
  openHomeTab(driverOf(c, 0), c.fakes.slack, userId);
