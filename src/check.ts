/**
 * `npm run check` (`node dist/check.js`): checks configuration, policy, Slack, the policy's channels, the Admin API
 * key and Redis before a deploy; one line per check, exit code 1 when any fails. Reads `.env` like `npm start`.
 */
import { webApi } from '@slack/bolt';
import { createAdminApi } from './authgear/client.js';
import { createTokenSource } from './authgear/jwt.js';
import { formatResults, runDeployChecks } from './check/deploy-checks.js';
import { loadDotEnv, processEnv } from './config/dotenv.js';
import { loadConfig } from './config/env.js';
import { loadPolicyFile } from './config/policy.js';
import { createLogger } from './logger.js';
import { connectRedisTarget } from './redis/client.js';

const quiet = createLogger({ level: 'silent' });

const results = await runDeployChecks({
  config: () => {
    loadDotEnv();
    return loadConfig(processEnv());
  },
  policy: (config) => loadPolicyFile(config.policyFile),
  slack: (config) =>
    new webApi.WebClient(config.slack.botToken, {
      logger: quiet,
      retryConfig: { retries: 0 },
      ...(config.slack.apiUrl ? { slackApiUrl: config.slack.apiUrl } : {}),
    }),
  api: (config) =>
    createAdminApi({
      endpoint: config.authgear.endpoint,
      tokens: createTokenSource({
        projectId: config.authgear.projectId,
        keyId: config.authgear.keyId,
        privateKeyPem: config.authgear.privateKeyPem,
      }),
      timeoutMs: 5000,
    }),
  redis: (config) => connectRedisTarget(config.redis.target),
});
process.stdout.write(formatResults(results));
process.exit(results.every((r) => r.ok) ? 0 : 1);
