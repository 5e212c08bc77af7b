import { App } from '@slack/bolt';
import { createExecution } from './actions/execute.js';
import { warnUngatedIrreversible } from './actions/irreversible.js';
import { createPipeline } from './actions/pipeline.js';
import { allActions, indexActions } from './actions/registry.js';
import type { AnyActionDefinition } from './actions/types.js';
import { createAlertStream } from './alerts/stream.js';
import { type ApprovalService, createApprovalService } from './approvals/service.js';
import type { ApprovalStore } from './approvals/store.js';
import { createSweeper } from './approvals/sweeper.js';
import { coalesceDenials } from './audit/coalesce-denials.js';
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
import type { ConfirmationStore } from './confirmations/store.js';
import { createGrants, type GrantOptions, type Grants } from './grants/setup.js';
import { registerApprovalHandlers } from './handlers/approvals/index.js';
import { registerHandlers } from './handlers/index.js';
import { logUnhandled } from './handlers/listener.js';
import { createOperations } from './health/operations.js';
import type { Readiness } from './health/readiness.js';
import { type HealthServer, startHealthServer } from './health/server.js';
import { admitRequests } from './lifecycle/admission.js';
import { createWorkGate } from './lifecycle/work-gate.js';
import type { AppLogger } from './logger.js';
import { measureAcks } from './metrics/acks.js';
import { observeOutcomes } from './metrics/audit-outcomes.js';
import type { Metrics } from './metrics/metrics.js';
import { watchOutbox } from './metrics/outbox.js';
import { coreQueries } from './queries/registry.js';
import type { QueryVerb } from './queries/types.js';
import type { RedisClient } from './redis/client.js';
import type { SecretStore } from './secrets/store.js';
import { createSecretVault } from './secrets/vault.js';
import { createActorResolver, type Services } from './services.js';
import { createDirectory } from './slack/directory.js';
import { createPlaceOf } from './slack/place.js';
import { guardedReceiver } from './slack/receiver.js';
import { responseUrlOrigins } from './slack/response-url.js';
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
  readonly redis?: RedisClient;
  /** Minimum gap between audit posts (default 1 s: Slack's ~1 message/s/channel). */
  readonly auditMinIntervalMs?: number;
  readonly authgearTimeoutMs?: number;
  /** Four-eyes approvals: the store (Redis or memory, see stores.ts) and timings. */
  readonly approvals: {
    readonly store: ApprovalStore;
    readonly leaseMs?: number;
    readonly sweepIntervalMs?: number;
  };
  /** Where confirmations wait for their one click (Redis or memory, see stores.ts). */
  readonly confirmations: ConfirmationStore;
  /** Where sealed secrets wait to be revealed once (Redis or memory, see stores.ts). */
  readonly secrets: SecretStore;
  /** Time-boxed grants: the schedule (Redis in production; memory by default, single instance) and timings. */
  readonly grants?: GrantOptions;
  /** `/readyz` timings: how long a report is reused and how long a probe may take (defaults 5000 / 2000 ms). */
  readonly readiness?: { readonly cacheMs?: number; readonly timeoutMs?: number };
}

export interface BuiltApp {
  readonly app: App;
  readonly services: Services;
  /** The approval service (its sweeper runs between start and stop). */
  readonly approvals: ApprovalService;
  /** Time-boxed grants: what the actions use, and the worker the schedule loop runs (between start and stop). */
  readonly grants: Grants;
  readonly metrics: Metrics;
  readonly readiness: Readiness;
  /**
   * HTTP mode: listens on `port` (0 = any free port; default the configured PORT), on every interface or only on
   * `host` (e.g. `127.0.0.1`), and returns the bound port. Socket Mode: starts the health server on `port` (default
   * HEALTH_PORT) and `host` the same way, connects to Slack and returns the health server's port.
   */
  start(port?: number, host?: string): Promise<number | undefined>;
  /** From now on `/readyz` answers 503 (the load balancer stops sending work); `stop` does it too. */
  markShuttingDown(): void;
  /**
   * Graceful stop: `/readyz` answers 503 and new requests are answered "restarting" at once; the loops stop; the
   * requests in flight (approved and confirmed actions running) get up to `graceMs` (default SHUTDOWN_GRACE_MS) to
   * finish; the audit outbox is flushed (up to 5 s); then Slack is disconnected.
   */
  stop(options?: { readonly graceMs?: number }): Promise<ShutdownReport>;
}

export interface ShutdownReport {
  /** Every request in flight finished within the grace period. */
  readonly drained: boolean;
  /** Requests still running when the grace period ended (0 when drained). */
  readonly abandoned: number;
  /** Every audit event reached Slack (false: it waits in the outbox for the next replica or start). */
  readonly auditFlushed: boolean;
}

/** How long shutdown waits for the audit outbox to reach Slack, after the requests in flight finished. */
export const AUDIT_FLUSH_MS = 5000;

/** Builds the Bolt app and everything it uses from injected dependencies; does not start anything. */
export const createApp = (deps: AppDeps): BuiltApp => {
  const { config, policy, logger } = deps;
  const now = deps.now ?? (() => new Date());
  const socketMode = config.slack.appToken !== undefined;
  const ops = createOperations({
    config,
    logger,
    redis: deps.redis,
    readiness: deps.readiness,
    api: createAdminApi({
      endpoint: config.authgear.endpoint,
      tokens: createTokenSource({
        projectId: config.authgear.projectId,
        keyId: config.authgear.keyId,
        privateKeyPem: config.authgear.privateKeyPem,
      }),
      ...(deps.authgearTimeoutMs ? { timeoutMs: deps.authgearTimeoutMs } : {}),
      logger: logger.child({ component: 'authgear' }),
    }),
  });
  const { api, metrics, fetch, readiness, routes } = ops;
  const app = new App({
    token: config.slack.botToken,
    logger,
    // Without it Bolt resets the shared logger to INFO, and LOG_LEVEL would not reach Bolt's own lines.
    logLevel: logger.getLevel(),
    ...(socketMode
      ? { socketMode: true, appToken: config.slack.appToken }
      : { receiver: guardedReceiver(config.slack.signingSecret ?? '', routes, logger) }),
    clientOptions: { fetch, ...(config.slack.apiUrl ? { slackApiUrl: config.slack.apiUrl } : {}) },
  });
  const work = createWorkGate();
  const origins = responseUrlOrigins(config.slack.apiUrl);
  admitRequests(app, work, logger, origins);
  measureAcks(app, metrics);
  const directory = createDirectory(app.client, {
    logger: logger.child({ component: 'slack-directory' }),
    now: () => now().getTime(),
    // Rate-limited group look-ups must not wait out Retry-After inside a click: the directory uses what it knows.
    groupsClient: createAuditWebClient(config.slack.botToken, {
      slackApiUrl: config.slack.apiUrl,
      logger,
      fetch,
    }),
  });
  const users = createUserResolver(api, directory);
  const actions = deps.actions ?? allActions(config.authgear.project);
  const actionsByKey = indexActions(actions);
  warnUngatedIrreversible(policy, actions, logger);
  const auditChannel = policy.channels.audit;
  const outbox = deps.auditOutbox ?? createMemoryOutbox();
  const auditClient = () =>
    createAuditWebClient(config.slack.botToken, { slackApiUrl: config.slack.apiUrl, logger, fetch });
  const delivery =
    deps.audit === undefined && auditChannel !== undefined
      ? createOutboxAuditSink({
          outbox,
          client: auditClient(),
          channel: auditChannel,
          logger: logger.child({ component: 'audit' }),
          ...(deps.auditMinIntervalMs !== undefined ? { minIntervalMs: deps.auditMinIntervalMs } : {}),
        })
      : undefined;
  if (delivery) watchOutbox(metrics, outbox, () => delivery.buffered());
  // Repeated denials are counted rather than posted one by one; the metrics and logs still see each of them.
  const denials = coalesceDenials(deps.audit ?? delivery ?? createLogAuditSink(logger), {
    now: () => now().getTime(),
  });
  const audit = observeOutcomes(denials, {
    metrics,
    logger: logger.child({ component: 'outcome' }),
  });
  const stream: AuditStream | undefined =
    policy.auditStream.enabled && auditChannel !== undefined
      ? createAuditStream({
          api,
          redis: deps.redis,
          prefix: config.redis.prefix,
          client: auditClient(),
          channel: auditChannel,
          activityTypes: policy.auditStream.activityTypes,
          intervalMs: policy.auditStream.intervalMs,
          logger: logger.child({ component: 'audit-stream' }),
        })
      : undefined;
  const alerts: AuditStream | undefined =
    policy.alerts.length > 0
      ? createAlertStream({
          api,
          redis: deps.redis,
          prefix: config.redis.prefix,
          client: auditClient(),
          rules: policy.alerts,
          intervalMs: policy.auditStream.intervalMs,
          logger: logger.child({ component: 'alerts' }),
        })
      : undefined;
  const actorOf = createActorResolver(policy, directory);
  const placeOf = createPlaceOf(policy, directory);
  const grants = createGrants({
    options: deps.grants,
    api,
    audit,
    client: app.client,
    policy,
    logger,
    now,
    rolesOf: async (user) => (await actorOf(user)).roles,
  });
  const execution = createExecution({
    api,
    users,
    audit,
    now,
    policy,
    grants: grants.ledger,
    profiles: directory,
  });
  const secrets = createSecretVault({ store: deps.secrets, keyMaterial: config.authgear.privateKeyPem, now });
  const approvals = createApprovalService({
    store: deps.approvals.store,
    secrets,
    client: app.client,
    policy,
    actions: actionsByKey,
    execute: execution.execute,
    audit,
    logger,
    now,
    actorOf,
    ...(deps.approvals.leaseMs ? { leaseMs: deps.approvals.leaseMs } : {}),
  });
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
    extras: { approvals, grants: grants.ledger },
    actorOf,
    placeOf,
  };
  const pipeline = createPipeline({
    policy,
    users,
    gate: approvals,
    execution,
    logger,
    actions: actionsByKey,
    confirmations: deps.confirmations,
    freshActor: (clicker) => actorOf(clicker, { fresh: true }),
    now,
    placeOf,
    grants: grants.ledger,
  });
  const services: Services = {
    ...base,
    pipeline,
    secrets,
    responseUrlOrigins: origins,
  };
  registerHandlers(app, services);
  registerApprovalHandlers(app, services, approvals);
  const sweeper = createSweeper(approvals, {
    logger,
    ...(deps.approvals.sweepIntervalMs ? { intervalMs: deps.approvals.sweepIntervalMs } : {}),
  });
  logUnhandled(app, logger);

  let healthServer: HealthServer | undefined;
  return {
    app,
    services,
    approvals,
    grants,
    metrics,
    readiness,
    async start(port, host) {
      sweeper.start();
      grants.scheduler.start();
      delivery?.start();
      stream?.start();
      alerts?.start();
      if (socketMode) {
        // Liveness answers while the socket connects; readiness says whether Slack auth.test succeeded.
        healthServer = await startHealthServer(port ?? config.healthPort, routes, host);
        await app.start();
        return healthServer.port;
      }
      const listen = port ?? config.port;
      const server = (await app.start(host === undefined ? listen : { port: listen, host })) as {
        address(): unknown;
      };
      const address = server.address();
      return typeof address === 'object' && address !== null && 'port' in address
        ? Number(address.port)
        : undefined;
    },
    markShuttingDown: () => readiness.markShuttingDown(),
    async stop(options = {}) {
      const graceMs = options.graceMs ?? config.shutdownGraceMs;
      readiness.markShuttingDown();
      work.close();
      await sweeper.stop();
      await grants.scheduler.stop();
      await stream?.stop();
      await alerts?.stop();
      if (work.inFlight() > 0)
        logger.info({ inFlight: work.inFlight(), graceMs }, 'waiting for requests in flight');
      const drained = await work.drain(graceMs);
      const abandoned = work.inFlight();
      if (!drained)
        logger.error(
          { abandoned, graceMs },
          'grace period over with requests still running: an approval cut short is marked unknown by another replica',
        );
      await denials.flush();
      const auditFlushed = (await delivery?.flush(AUDIT_FLUSH_MS)) ?? true;
      await delivery?.stop();
      await app.stop();
      await healthServer?.close();
      return { drained, abandoned, auditFlushed };
    },
  };
};
