/**
 * N app instances (replicas) sharing one approvals store, one Slack fake and ONE Authgear fake, each wired with
 * the approval service exactly as src/app.ts should wire it (gate → setExecutor → handlers).
 */
import { webApi } from '@slack/bolt';
import { type BuiltApp, createApp } from '../../../src/app.js';
import { type ApprovalService, createApprovalService } from '../../../src/approvals/service.js';
import type { ApprovalStore } from '../../../src/approvals/store.js';
import type { AuditEvent } from '../../../src/audit/event.js';
import { loadConfig } from '../../../src/config/env.js';
import { parsePolicyText } from '../../../src/config/policy.js';
import { registerApprovalHandlers } from '../../../src/handlers/approvals/index.js';
import { createLogger } from '../../../src/logger.js';
import { type AuthgearFake, startAuthgearFake } from '../../fakes/authgear/index.js';
import { type SlackFake, startSlackFake } from '../../fakes/slack/index.js';
import { CHANNELS, PEOPLE } from '../../support/app.js';
import { makeAdminKey } from '../../support/keys.js';
import { createSlackDriver, type SlackDriver } from '../../support/slack-driver.js';

export const ADMIN3 = 'U0ADMIN3';
const SIGNING_SECRET = 'test-signing-secret';

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

export interface Instance {
  readonly built: BuiltApp;
  readonly approvals: ApprovalService;
  readonly driver: SlackDriver;
}

export interface Cluster {
  readonly slack: SlackFake;
  readonly authgear: AuthgearFake;
  readonly instances: readonly Instance[];
  readonly audit: AuditEvent[];
  /** Moves every instance's clock (for expiry). */
  advance(ms: number): void;
  stop(): Promise<void>;
}

export const startCluster = async ({
  store,
  instances = 1,
  policy,
}: {
  store: ApprovalStore;
  instances?: number;
  policy: string;
}): Promise<Cluster> => {
  const key = makeAdminKey();
  const slack = await startSlackFake({
    users: [
      { id: PEOPLE.admin, name: 'ada', email: 'ada@ops.example.com' },
      { id: PEOPLE.admin2, name: 'grace', email: 'grace@ops.example.com' },
      { id: ADMIN3, name: 'linus', email: 'linus@ops.example.com' },
      { id: PEOPLE.support, name: 'sam', email: 'sam@ops.example.com' },
      { id: PEOPLE.viewer, name: 'vic', email: 'vic@ops.example.com' },
    ],
  });
  const authgear = await startAuthgearFake({
    projectId: 'test-project',
    keyId: key.keyId,
    publicKeyPem: key.publicKeyPem,
  });
  const config = loadConfig({
    SLACK_BOT_TOKEN: 'xoxb-test-token',
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: slack.apiUrl,
    AUTHGEAR_ENDPOINT: authgear.url,
    AUTHGEAR_PROJECT_ID: 'test-project',
    AUTHGEAR_ADMIN_KEY_ID: key.keyId,
    AUTHGEAR_ADMIN_PRIVATE_KEY: key.privateKeyPem,
    PORT: '0',
  });
  const parsed = parsePolicyText(policy);
  const audit: AuditEvent[] = [];
  let offset = 0;
  const now = () => new Date(Date.now() + offset);
  const list: Instance[] = [];
  for (let i = 0; i < instances; i++) {
    const logger = createLogger({ level: 'warn', destination: { write: () => undefined } });
    const client = new webApi.WebClient('xoxb-test-token', { slackApiUrl: slack.apiUrl });
    let approvals: ApprovalService | undefined;
    const built = createApp({
      config,
      policy: parsed,
      logger,
      now,
      audit: { record: async (e) => void audit.push(e) },
      gate: (s) => {
        approvals = createApprovalService({
          store,
          client,
          policy: s.policy,
          actions: s.actionsByKey,
          audit: s.audit,
          logger: s.logger,
          now: s.now,
        });
        return approvals;
      },
    });
    if (!approvals) throw new Error('gate factory not called');
    approvals.setExecutor(built.services.pipeline.execute);
    registerApprovalHandlers(built.app, built.services, approvals);
    const port = await built.start(0);
    const driver = createSlackDriver({
      url: `http://127.0.0.1:${port}/slack/events`,
      signingSecret: SIGNING_SECRET,
      responseUrl: (id) => slack.responseUrl(id),
    });
    list.push({ built, approvals, driver });
  }
  return {
    slack,
    authgear,
    instances: list,
    audit,
    advance(ms) {
      offset += ms;
    },
    async stop() {
      for (const inst of list) await inst.built.stop();
      await Promise.all([slack.close(), authgear.close()]);
    },
  };
};
