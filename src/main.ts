import { createApp } from './app.js';
import { createMemoryApprovalStore } from './approvals/memory-store.js';
import { connectRedis, createRedisApprovalStore } from './approvals/redis-store.js';
import { createRedisOutbox } from './audit/redis-outbox.js';
import { loadConfig } from './config/env.js';
import { loadPolicyFile } from './config/policy.js';
import { isAppError } from './errors.js';
import { createLogger } from './logger.js';

/** Composition root: the only place with side effects at start-up. */
const main = async (): Promise<void> => {
  const config = loadConfig(process.env);
  const logger = createLogger({ level: config.logLevel });
  const policy = await loadPolicyFile(config.policyFile);
  const prefix = config.redis.prefix;
  const redis =
    config.redis.url === undefined
      ? undefined
      : connectRedis(config.redis.url, {
          onError: (e) => logger.warn({ err: e.name }, 'Redis connection problem'),
        });
  if (redis === undefined) {
    logger.warn(
      'REDIS_URL is not set: approvals and the audit outbox live in memory, so run a single instance only',
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
  logger.info(
    { mode: config.slack.appToken ? 'socket' : 'http', port, policyFile: config.policyFile },
    'authgear-slack is running',
  );
  const shutdown = async (signal: string) => {
    logger.info({ signal }, 'shutting down');
    await built.stop();
    await store.close();
    redis?.disconnect();
    process.exit(0);
  };
  process.once('SIGINT', (s) => void shutdown(s));
  process.once('SIGTERM', (s) => void shutdown(s));
};

main().catch((e: unknown) => {
  const message = isAppError(e) ? e.userMessage : `authgear-slack failed to start: ${(e as Error).message}`;
  process.stderr.write(`${message}\n`);
  process.exit(1);
});
