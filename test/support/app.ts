import type { AnyActionDefinition } from '../../src/actions/types.js';
import { type AppDeps, type BuiltApp, createApp } from '../../src/app.js';
import { type Config, loadConfig } from '../../src/config/env.js';
import { type Policy, parsePolicyText } from '../../src/config/policy.js';
import { createLogger } from '../../src/logger.js';
import type { QueryVerb } from '../../src/queries/types.js';
import { createStores } from '../../src/stores.js';
import { type AuthgearFake, startAuthgearFake } from '../fakes/authgear/index.js';
import { type SeedChannel, type SeedUser, type SlackFake, startSlackFake } from '../fakes/slack/index.js';
import { makeAdminKey } from './keys.js';
import { createSlackDriver, type SlackDriver } from './slack-driver.js';
import { waitFor } from './wait.js';

/** Slack users every e2e test can act as, one per role in DEFAULT_POLICY. */
export const PEOPLE = {
  admin: 'U0ADMIN',
  admin2: 'U0ADMIN2',
  support: 'U0SUPPORT',
  viewer: 'U0VIEWER',
  nobody: 'U0NOBODY',
  grouped: 'U0GROUPED',
} as const;

export const CHANNELS = { approvals: 'C0APPROVALS', audit: 'C0AUDIT', ops: 'C0GENERAL' } as const;

/** The channels of the test workspace; the bot has been invited to each (tests remove it to see it refused). */
export const WORKSPACE_CHANNELS: readonly SeedChannel[] = [
  { id: CHANNELS.approvals, name: 'approvals' },
  { id: CHANNELS.audit, name: 'audit' },
  { id: CHANNELS.ops, name: 'general' },
];

export const DEFAULT_POLICY = `
channels:
  approvals: ${CHANNELS.approvals}
  audit: ${CHANNELS.audit}
roles:
  viewer: { actions: [user.view, user.search, audit.view, group.view, role.view, approvals.view] }
  support:
    inherits: [viewer]
    actions: [user.disable, user.enable, user.otp, user.reset_password, user.send_reset, user.revoke_sessions, user.verify, user.identities, user.mfa, user.authorizations, user.edit, user.create]
  admin: { inherits: [support], actions: ["*"] }
members:
  - { slack_user: ${PEOPLE.admin}, roles: [admin] }
  - { slack_user: ${PEOPLE.admin2}, roles: [admin] }
  - { slack_user: ${PEOPLE.support}, roles: [support] }
  - { slack_user: ${PEOPLE.viewer}, roles: [viewer] }
  - { slack_usergroup: S0SUPPORT, roles: [support] }
`;

export interface TestAppOptions {
  /** Policy YAML; defaults to DEFAULT_POLICY. */
  readonly policy?: string;
  readonly actions?: readonly AnyActionDefinition[];
  readonly queries?: readonly QueryVerb[];
  readonly now?: () => Date;
  readonly env?: Readonly<Record<string, string>>;
  /** Extra dependencies (approvals, audit...) given to createApp. */
  readonly deps?: Partial<AppDeps>;
  readonly authgearTimeoutMs?: number;
}

export interface TestApp {
  readonly slack: SlackFake;
  readonly authgear: AuthgearFake;
  readonly driver: SlackDriver;
  readonly built: BuiltApp;
  readonly policy: Policy;
  /** Every log line the app wrote (JSON text), for secret searches. */
  readonly logs: string[];
  readonly url: string;
  /** Waits for the n-th (1-based) message Slack accepted at a response_url id and returns its body. */
  response(id: string | undefined, n?: number): Promise<Record<string, unknown>>;
  /** All text (JSON) Slack received from the bot: Web API calls and response_url posts. */
  everythingSlackSaw(): string;
  stop(): Promise<void>;
}

export const SIGNING_SECRET = 'test-signing-secret';
const PROJECT_ID = 'test-project';

/** The two fakes and the configuration that points the app at them. */
export interface Fakes {
  readonly slack: SlackFake;
  readonly authgear: AuthgearFake;
  readonly config: Config;
  close(): Promise<void>;
}

/** Starts the Slack and Admin API fakes, seeded with PEOPLE (plus `extraPeople`), and the matching config. */
export const startFakes = async (
  options: {
    readonly env?: Readonly<Record<string, string>>;
    readonly extraPeople?: readonly SeedUser[];
  } = {},
): Promise<Fakes> => {
  const key = makeAdminKey();
  const slack = await startSlackFake({
    users: [
      { id: PEOPLE.admin, name: 'ada', email: 'ada@ops.example.com' },
      { id: PEOPLE.admin2, name: 'grace', email: 'grace@ops.example.com' },
      { id: PEOPLE.support, name: 'sam', email: 'sam@ops.example.com' },
      { id: PEOPLE.viewer, name: 'vic', email: 'vic@ops.example.com' },
      { id: PEOPLE.nobody, name: 'nobody', email: 'nobody@ops.example.com' },
      { id: PEOPLE.grouped, name: 'gus', email: 'gus@ops.example.com' },
      ...(options.extraPeople ?? []),
    ],
    channels: [...WORKSPACE_CHANNELS],
  });
  slack.addUsergroup('S0SUPPORT', [PEOPLE.grouped], 'support-team');
  const authgear = await startAuthgearFake({
    projectId: PROJECT_ID,
    keyId: key.keyId,
    publicKeyPem: key.publicKeyPem,
  });
  const config = loadConfig({
    SLACK_BOT_TOKEN: 'xoxb-test-token',
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: slack.apiUrl,
    AUTHGEAR_ENDPOINT: authgear.url,
    AUTHGEAR_PROJECT_ID: PROJECT_ID,
    AUTHGEAR_ADMIN_KEY_ID: key.keyId,
    AUTHGEAR_ADMIN_PRIVATE_KEY: key.privateKeyPem,
    PORT: '0',
    LOG_LEVEL: 'debug',
    ...options.env,
  });
  return {
    slack,
    authgear,
    config,
    close: async () => {
      await Promise.all([slack.close(), authgear.close()]);
    },
  };
};

/** One running app instance (a replica) on a free port, with a driver that signs requests for it. */
export interface Instance {
  readonly built: BuiltApp;
  readonly driver: SlackDriver;
  readonly url: string;
  readonly logs: string[];
}

/** Builds the real app against the fakes exactly as main.ts wires it, and starts it on a free port. */
export const startInstance = async (
  fakes: Fakes,
  policy: Policy,
  options: Omit<TestAppOptions, 'policy' | 'env'> = {},
): Promise<Instance> => {
  const logs: string[] = [];
  // LOG_LEVEL from the configuration, as main.ts does (startFakes sets debug, so secrets are searched at debug).
  const logger = createLogger({
    level: fakes.config.logLevel,
    destination: { write: (line) => void logs.push(line) },
  });
  // The stores main.ts builds without Redis; a test that shares stores between replicas passes its own.
  const stores = createStores({ prefix: 'test:', logger });
  const built = createApp({
    config: fakes.config,
    policy,
    logger,
    ...stores.deps,
    ...(options.now ? { now: options.now } : {}),
    ...(options.actions ? { actions: options.actions } : {}),
    ...(options.queries ? { queries: options.queries } : {}),
    ...(options.authgearTimeoutMs ? { authgearTimeoutMs: options.authgearTimeoutMs } : {}),
    auditMinIntervalMs: 20,
    ...options.deps,
  });
  const port = await built.start(0);
  const url = `http://127.0.0.1:${port}/slack/events`;
  const driver = createSlackDriver({
    url,
    signingSecret: SIGNING_SECRET,
    responseUrl: (id, source) => fakes.slack.responseUrl(id, source),
    triggerId: () => fakes.slack.issueTriggerId(),
    viewAnswered: (view, answer) => fakes.slack.viewAnswered(view, answer),
    names: fakes.slack.names,
  });
  return { built, driver, url, logs };
};

/** Starts both fakes and the real app on a free port, wired together exactly as production would be. */
export const startTestApp = async (options: TestAppOptions = {}): Promise<TestApp> => {
  const fakes = await startFakes(options.env ? { env: options.env } : {});
  const { slack, authgear } = fakes;
  const policy = parsePolicyText(options.policy ?? DEFAULT_POLICY);
  const { built, driver, url, logs } = await startInstance(fakes, policy, options);
  return {
    slack,
    authgear,
    driver,
    built,
    policy,
    logs,
    url,
    async response(id, n = 1) {
      if (!id)
        throw new Error('no response_url id: the driver returns one for slash commands and message actions');
      const refused = () =>
        slack.refusals
          .filter((r) => r.responseId === id)
          .map((r) => r.error)
          .join(', ');
      const found = await waitFor(() => slack.responsesTo(id)[n - 1], {
        message: `response #${n} to ${id}`,
      }).catch((error: unknown) => {
        throw refused() === '' ? error : new Error(`Slack refused the posts to ${id}: ${refused()}`);
      });
      return found.body as Record<string, unknown>;
    },
    everythingSlackSaw() {
      return JSON.stringify({
        calls: slack.calls.map((c) => c.args),
        responses: slack.responses.map((r) => r.body),
      });
    },
    async stop() {
      await built.stop();
      await fakes.close();
    },
  };
};
