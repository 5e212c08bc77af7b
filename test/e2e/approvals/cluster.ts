/** N app instances (replicas) sharing one approvals store, one Slack fake and ONE Authgear fake. */
import type { BuiltApp } from '../../../src/app.js';
import type { ApprovalService } from '../../../src/approvals/service.js';
import type { ApprovalStore } from '../../../src/approvals/store.js';
import type { AuditEvent } from '../../../src/audit/event.js';
import { parsePolicyText } from '../../../src/config/policy.js';
import type { AuthgearFake } from '../../fakes/authgear/index.js';
import type { SlackFake } from '../../fakes/slack/index.js';
import { CHANNELS, PEOPLE, startFakes, startInstance } from '../../support/app.js';
import type { SlackDriver } from '../../support/slack-driver.js';

export const ADMIN3 = 'U0ADMIN3';

/** support requests; admins approve. `user.disable` needs `required` approvals. */
export const approvalPolicy = (required: number): string => `
channels:
  approvals: ${CHANNELS.approvals}
  audit: ${CHANNELS.audit}
roles:
  support: { actions: [user.view, user.disable, user.enable] }
  admin: { inherits: [support], actions: ["*"] }
members:
  - { slack_user: ${PEOPLE.admin}, roles: [admin] }
  - { slack_user: ${PEOPLE.admin2}, roles: [admin] }
  - { slack_user: ${ADMIN3}, roles: [admin] }
  - { slack_user: ${PEOPLE.support}, roles: [support] }
  - { slack_user: ${PEOPLE.viewer}, roles: [support] }
approvals:
  user.disable: { approvers: [admin], required: ${required}, expires_in: 1h }
`;

export interface Cluster {
  readonly slack: SlackFake;
  readonly authgear: AuthgearFake;
  readonly instances: ReadonlyArray<{
    readonly built: BuiltApp;
    readonly approvals: ApprovalService;
    readonly driver: SlackDriver;
  }>;
  readonly audit: AuditEvent[];
  /** Moves every instance's clock (for expiry). */
  advance(ms: number): void;
  stop(): Promise<void>;
}

/** N replicas wired by createApp exactly as main.ts wires one (`approvals: { store }`), sharing the fakes. */
export const startCluster = async ({
  store,
  instances = 1,
  policy,
}: {
  store: ApprovalStore;
  instances?: number;
  policy: string;
}): Promise<Cluster> => {
  const fakes = await startFakes({
    extraPeople: [{ id: ADMIN3, name: 'linus', email: 'linus@ops.example.com' }],
  });
  const parsed = parsePolicyText(policy);
  const audit: AuditEvent[] = [];
  let offset = 0;
  const now = () => new Date(Date.now() + offset);
  const list: Cluster['instances'][number][] = [];
  for (let i = 0; i < instances; i++) {
    const { built, driver } = await startInstance(fakes, parsed, {
      now,
      deps: { approvals: { store }, audit: { record: async (e) => void audit.push(e) } },
    });
    if (!built.approvals) throw new Error('createApp built no approval service');
    list.push({ built, approvals: built.approvals, driver });
  }
  return {
    slack: fakes.slack,
    authgear: fakes.authgear,
    instances: list,
    audit,
    advance(ms) {
      offset += ms;
    },
    async stop() {
      for (const inst of list) await inst.built.stop();
      await fakes.close();
    },
  };
};
