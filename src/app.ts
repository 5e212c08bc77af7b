import { App } from '@slack/bolt';
import type { Redis } from 'ioredis';
import { createPipeline } from './actions/pipeline.js';
import { allActions, indexActions } from './actions/registry.js';
import type { AnyActionDefinition } from './actions/types.js';
import { type ApprovalGate, noApprovalGate } from './approvals/gate.js';
import { type ApprovalService, createApprovalService } from './approvals/service.js';
import type { ApprovalStore } from './approvals/store.js';
import { createSweeper } from './approvals/sweeper.js';
import { createAuditWebClient, createOutboxAuditSink } from './audit/delivery.js';
import type { AuditSink } from './audit/event.js';
import { createLogAuditSink } from './audit/log-sink.js';
import { createMemoryOutbox } from './audit/memory-outbox.js';
import type { AuditOutbox } from './audit/outbox.js';
import { type AuditStream, createAuditStream } from './audit/stream.js';
import { createAdminApi } from './authgear/client.js';
import { createTokenSource } from './authgear/jwt.js';
import type { Config } from './config/env.js';
import type { Policy } from './config/policy.js';
import { registerApprovalHandlers } from './handlers/approvals/index.js';
import { registerHandlers } from './handlers/index.js';
import { type AppLogger, redactText } from './logger.js';
import { coreQueries } from './queries/registry.js';
import type { QueryVerb } from './queries/types.js';
import { createActorResolver, type Services } from './services.js';
import { createDirectory } from './slack/directory.js';
import { createUserResolver } from './users/resolve.js';

export interface AppDeps {
  readonly config: Config;
  readonly policy: Policy;
  readonly logger: AppLogger;
  readonly now?: () => Date;
  readonly actions?: readonly AnyActionDefinition[];
  readonly queries?: readonly QueryVerb[];
  /** Replaces audit delivery altogether (tests that inspect events directly). */
  readonly audit?: AuditSink;
  /** Where audit events wait for delivery: Redis in production, memory by default. */
  readonly auditOutbox?: AuditOutbox;
  /** Shared Redis for the audit-log stream's cursor and lock (absent → memory, single instance). */
  readonly redis?: Redis;
  /** Minimum gap between audit posts (default 1 s: Slack's ~1 message/s/channel). */
  readonly auditMinIntervalMs?: number;
  readonly authgearTimeoutMs?: number;
  /** Four-eyes approvals: the store (Redis or memory) and timings. */
  readonly approvals?: {
    readonly store: ApprovalStore;
    readonly leaseMs?: number;
    readonly sweepIntervalMs?: number;
  };
}

export interface BuiltApp {
  readonly app: App;
  readonly services: Services;
  /** The approval service when `deps.approvals` was given (its sweeper runs between start and stop). */
  readonly approvals: ApprovalService | undefined;
  /** HTTP mode: listens on `port` (0 = any free port) and returns the bound port; Socket Mode: connects. */
  start(port?: number): Promise<number | undefined>;
  stop(): Promise<void>;
}

/** Builds the Bolt app and everything it uses from injected dependencies; does not start anything. */
export const createApp = (deps: AppDeps): BuiltApp => {
  const { config, policy, logger } = deps;
  const now = deps.now ?? (() => new Date());
  const socketMode = config.slack.appToken !== undefined;
  const app = new App({
    token: config.slack.botToken,
    logger,
    ...(socketMode
      ? { socketMode: true, appToken: config.slack.appToken }
      : { signingSecret: config.slack.signingSecret ?? '' }),
    ...(config.slack.apiUrl ? { clientOptions: { slackApiUrl: config.slack.apiUrl } } : {}),
  });
  const tokens = createTokenSource({
    projectId: config.authgear.projectId,
    keyId: config.authgear.keyId,
    privateKeyPem: config.authgear.privateKeyPem,
  });
  const api = createAdminApi({
    endpoint: config.authgear.endpoint,
    tokens,
    logger: logger.child({ component: 'authgear' }),
    ...(deps.authgearTimeoutMs ? { timeoutMs: deps.authgearTimeoutMs } : {}),
  });
  const directory = createDirectory(app.client);
  const users = createUserResolver(api, directory);
  const actions = deps.actions ?? allActions(config.authgear.project);
  const actionsByKey = indexActions(actions);
  const auditChannel = policy.channels.audit;
  const delivery =
    deps.audit === undefined && auditChannel !== undefined
      ? createOutboxAuditSink({
          outbox: deps.auditOutbox ?? createMemoryOutbox(),
          client: createAuditWebClient(config.slack.botToken, { slackApiUrl: config.slack.apiUrl, logger }),
          channel: auditChannel,
          logger: logger.child({ component: 'audit' }),
          ...(deps.auditMinIntervalMs !== undefined ? { minIntervalMs: deps.auditMinIntervalMs } : {}),
        })
      : undefined;
  const audit = deps.audit ?? delivery ?? createLogAuditSink(logger);
  const stream: AuditStream | undefined =
    policy.auditStream.enabled && auditChannel !== undefined
      ? createAuditStream({
          api,
          redis: deps.redis,
          prefix: config.redis.prefix,
          client: createAuditWebClient(config.slack.botToken, { slackApiUrl: config.slack.apiUrl, logger }),
          channel: auditChannel,
          activityTypes: policy.auditStream.activityTypes,
          intervalMs: policy.auditStream.intervalMs,
          logger: logger.child({ component: 'audit-stream' }),
        })
      : undefined;
  const actorOf = createActorResolver(policy, directory);
  const approvals = deps.approvals
    ? createApprovalService({
        store: deps.approvals.store,
        client: app.client,
        policy,
        actions: actionsByKey,
        audit,
        logger,
        now,
        actorOf,
        ...(deps.approvals.leaseMs ? { leaseMs: deps.approvals.leaseMs } : {}),
      })
    : undefined;
  const base = {
    policy,
    api,
    users,
    directory,
    actions,
    actionsByKey,
    queries: deps.queries ?? coreQueries,
    audit,
    logger,
    now,
    extras: { ...(approvals ? { approvals } : {}) },
    actorOf,
  };
  const gate: ApprovalGate = approvals ?? noApprovalGate;
  const pipeline = createPipeline({ api, policy, users, gate, audit, logger, actions: actionsByKey, now });
  approvals?.setExecutor(pipeline.execute);
  const services: Services = { ...base, pipeline };
  registerHandlers(app, services);
  if (approvals) registerApprovalHandlers(app, services, approvals);
  const sweeper = approvals
    ? createSweeper(approvals, {
        logger,
        ...(deps.approvals?.sweepIntervalMs ? { intervalMs: deps.approvals.sweepIntervalMs } : {}),
      })
    : undefined;
  app.error(async (error) => {
    const original = (error as { original?: unknown }).original;
    const cause = original instanceof Error ? original : error;
    logger.error(
      {
        code: (error as { code?: string }).code,
        type: cause.name,
        stack: cause.stack?.split('\n').slice(0, 5).join(' | '),
      },
      `unhandled error in a listener: ${redactText(cause.message)}`,
    );
  });

  return {
    app,
    services,
    approvals,
    async start(port) {
      sweeper?.start();
      delivery?.start();
      stream?.start();
      if (socketMode) {
        await app.start();
        return undefined;
      }
      const server = (await app.start(port ?? config.port)) as { address(): unknown };
      const address = server.address();
      return typeof address === 'object' && address !== null && 'port' in address
        ? Number(address.port)
        : undefined;
    },
    async stop() {
      await sweeper?.stop();
      await stream?.stop();
      await delivery?.flush(5000);
      await delivery?.stop();
      await app.stop();
    },
  };
};
