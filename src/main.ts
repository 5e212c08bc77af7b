import { AUDIT_FLUSH_MS, createApp } from './app.js';
import { createMemoryApprovalStore } from './approvals/memory-store.js';
import { createRedisApprovalStore } from './approvals/redis-store.js';
import { createRedisOutbox } from './audit/redis-outbox.js';
import { loadDotEnv, processEnv } from './config/dotenv.js';
import { loadConfig } from './config/env.js';
import { loadPolicyFile } from './config/policy.js';
import { isAppError } from './errors.js';
import { createLogger, maskedMessage } from './logger.js';
import { connectRedisTarget, describeTarget } from './redis/client.js';

/** Composition root: the only place with side effects at start-up. */
const main = async (): Promise<void> => {
  const envFile = loadDotEnv();
  const config = loadConfig(processEnv());
  const logger = createLogger({ level: config.logLevel });
  const policy = await loadPolicyFile(config.policyFile);
  const prefix = config.redis.prefix;
  const redis = connectRedisTarget(config.redis.target, {
    onError: (e) => logger.warn({ err: e.name, message: maskedMessage(e) }, 'Redis connection problem'),
  });
  if (redis === undefined) {
    logger.warn(
      'No Redis is configured (REDIS_URL, REDIS_SENTINELS or REDIS_CLUSTER_NODES): approvals and the audit outbox live in memory, so run a single instance only',
    );
  }
  const onCorrupt = (id: string) => logger.error({ id }, 'a stored record could not be read and was skipped');
  const store = redis
    ? createRedisApprovalStore({
        redis,
        prefix,
        onCorruptRecord: (e) =>
          logger.error({ code: e.code, ...e.details }, 'an approval record could not be read'),
      })
    : createMemoryApprovalStore({});
  const built = createApp({
    config,
    policy,
    logger,
    approvals: { store },
    ...(redis ? { redis } : {}),
    ...(redis ? { auditOutbox: createRedisOutbox({ redis, prefix, onCorruptEntry: onCorrupt }) } : {}),
  });
  const port = await built.start();
  const socketMode = config.slack.appToken !== undefined;
  logger.info(
    {
      mode: socketMode ? 'socket' : 'http',
      port,
      ...(socketMode ? { healthPort: port } : {}),
      redis: describeTarget(config.redis.target),
      policyFile: config.policyFile,
      ...(envFile ? { envFile } : {}),
    },
    'authgear-slack is running',
  );
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) {
      logger.warn({ signal }, 'second signal: exiting now');
      process.exit(1);
    }
    stopping = true;
    logger.info({ signal, graceMs: config.shutdownGraceMs }, 'shutting down');
    // A backstop: drain and flush are bounded on their own; this catches a close that hangs.
    const forced = setTimeout(
      () => {
        logger.error({ graceMs: config.shutdownGraceMs }, 'shutdown did not finish in time: exiting');
        process.exit(1);
      },
      config.shutdownGraceMs + AUDIT_FLUSH_MS + 5000,
    );
    forced.unref();
    const report = await built.stop();
    await store.close();
    redis?.disconnect();
    logger.info({ ...report }, 'stopped');
    process.exit(report.drained ? 0 : 1);
  };
  process.on('SIGINT', (s) => void shutdown(s));
  process.on('SIGTERM', (s) => void shutdown(s));
};

main().catch((e: unknown) => {
  const message = isAppError(e) ? e.userMessage : `authgear-slack failed to start: ${maskedMessage(e)}`;
  process.stderr.write(`${message}\n`);
  process.exit(1);
});
