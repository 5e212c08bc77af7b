/**
 * Starts the whole demo in this process: the Slack fake and the Admin API fake (seeded), the real bot built by
 * createApp in HTTP mode against them, the workspace that follows what the bot posts, and the page.
 */
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createApp } from '../src/app.js';
import { loadConfig } from '../src/config/env.js';
import { loadPolicyFile } from '../src/config/policy.js';
import { createLogger, redactText } from '../src/logger.js';
import { FakeStore, startAuthgearFake } from '../test/fakes/authgear/index.js';
import { startSlackFake } from '../test/fakes/slack/index.js';
import { makeAdminKey } from '../test/support/keys.js';
import { createAdminLog } from './authgear-log.js';
import type { DemoConfig } from './config.js';
import { createDirectory } from './directory.js';
import { createInteractions } from './interactions.js';
import { DEMO_LOGIN_ID_KEYS, seedAuthgear } from './seed/authgear.js';
import { DEMO_BOT, DEMO_CHANNELS, DEMO_PEOPLE, DEMO_TEAM, DEMO_USERGROUPS } from './seed/slack.js';
import { startWebServer } from './server/http.js';
import { createBotLink } from './slack/bot-link.js';
import { snapshotFor } from './snapshot.js';
import { createDemoStores } from './stores.js';
import { createWorkspace } from './workspace/workspace.js';

export const DEMO_POLICY_FILE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), 'policy.yaml');
const PROJECT_ID = 'demo-project';

export interface RunningDemo {
  /** The page's address, e.g. `http://127.0.0.1:3100/`. */
  readonly url: string;
  readonly stores: 'memory' | 'redis';
  stop(): Promise<void>;
}

export interface StartDemoOptions {
  /** Where the bot's JSON log lines go (default stderr). */
  readonly logTo?: { write(line: string): void };
}

export const startDemo = async (config: DemoConfig, options: StartDemoOptions = {}): Promise<RunningDemo> => {
  const startedAt = new Date();
  const logger = createLogger({ level: config.logLevel, destination: options.logTo ?? process.stderr });
  const key = makeAdminKey();
  const project = new FakeStore();
  seedAuthgear(project, startedAt);
  const slack = await startSlackFake({
    teamId: DEMO_TEAM.id,
    teamName: DEMO_TEAM.name,
    teamDomain: DEMO_TEAM.domain,
    botUserId: DEMO_BOT.userId,
    botId: DEMO_BOT.botId,
    appId: DEMO_BOT.appId,
    users: DEMO_PEOPLE.map((p) => ({ id: p.id, name: p.handle, realName: p.realName, email: p.email })),
    channels: DEMO_CHANNELS.map((c) => ({ id: c.id, name: c.name, botMember: c.botMember })),
  });
  for (const g of DEMO_USERGROUPS) slack.addUsergroup(g.id, [...g.members], g.handle);
  const authgear = await startAuthgearFake({
    projectId: PROJECT_ID,
    keyId: key.keyId,
    publicKeyPem: key.publicKeyPem,
    store: project,
  });
  const signingSecret = randomBytes(16).toString('hex');
  const botToken = `xoxb-demo-${randomBytes(8).toString('hex')}`;
  const botConfig = loadConfig({
    SLACK_BOT_TOKEN: botToken,
    SLACK_SIGNING_SECRET: signingSecret,
    SLACK_API_URL: slack.apiUrl,
    AUTHGEAR_ENDPOINT: authgear.url,
    AUTHGEAR_PROJECT_ID: PROJECT_ID,
    AUTHGEAR_ADMIN_KEY_ID: key.keyId,
    AUTHGEAR_ADMIN_PRIVATE_KEY: key.privateKeyPem,
    AUTHGEAR_LOGIN_ID_KEYS: DEMO_LOGIN_ID_KEYS.join(','),
    PORT: '0',
    POLICY_FILE: DEMO_POLICY_FILE,
    LOG_LEVEL: config.logLevel,
    REDIS_URL: config.redisUrl,
    REDIS_PREFIX: config.redisPrefix,
  });
  const policy = await loadPolicyFile(botConfig.policyFile);
  const stores = createDemoStores(config.redisUrl, config.redisPrefix, logger);
  const built = createApp({ config: botConfig, policy, logger, ...stores.deps });
  const botPort = await built.start(0, '127.0.0.1');

  let tsSeq = 500_000;
  const nextTs = () => `${Math.floor(Date.now() / 1000)}.${String(++tsSeq).padStart(6, '0')}`;
  const workspace = createWorkspace({ botUserId: DEMO_BOT.userId, dmChannelFor: slack.dmChannelFor, nextTs });
  const stopFollowingSlack = slack.subscribe(workspace.apply);
  const adminLog = createAdminLog();
  const adminListeners = new Set<() => void>();
  const stopFollowingAuthgear = authgear.onAnswered((r) => {
    adminLog.add(r);
    for (const l of adminListeners) l();
  });
  const directory = createDirectory(slack.dmChannelFor);
  const interactions = createInteractions({
    team: { id: DEMO_TEAM.id, domain: DEMO_TEAM.domain, appId: DEMO_BOT.appId },
    bot: { userId: DEMO_BOT.userId, botId: DEMO_BOT.botId },
    directory,
    workspace,
    link: createBotLink({ url: `http://127.0.0.1:${botPort}/slack/events`, signingSecret }),
    responseUrl: (id) => slack.responseUrl(id),
    // Slack issues trigger_ids (one view each, within 3 s): the fake does, so it can judge each use.
    triggerId: () => slack.issueTriggerId(),
    now: Date.now,
  });
  const web = await startWebServer({
    host: config.host,
    port: config.port,
    interactions,
    snapshot: (as, horizon) => snapshotFor(as, { directory, workspace, adminLog, bot: DEMO_BOT }, horizon),
    horizon: () => workspace.horizon(),
    onChange: (listener) => {
      adminListeners.add(listener);
      const off = workspace.onChange(listener);
      return () => {
        adminListeners.delete(listener);
        off();
      };
    },
    onError: (e) =>
      logger.error(
        { type: e instanceof Error ? e.name : typeof e },
        `demo: a page request failed: ${redactText(e instanceof Error ? e.message : String(e))}`,
      ),
  });

  return {
    url: web.url,
    stores: stores.kind,
    stop: async () => {
      stopFollowingSlack();
      stopFollowingAuthgear();
      await web.close();
      await built.stop();
      await stores.close();
      await Promise.all([slack.close(), authgear.close()]);
    },
  };
};
