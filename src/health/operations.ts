/**
 * What an operator sees of one app instance, built in one place for createApp: the metrics registry, the metered
 * `fetch` for Slack clients, the instrumented Admin API client, readiness over Redis / Slack / Authgear, and the
 * `/healthz`, `/readyz`, `/metrics` routes (Bolt custom routes in HTTP mode, the health server in Socket Mode).
 */
import { webApi } from '@slack/bolt';
import type { AdminApi } from '../authgear/client.js';
import type { Config } from '../config/env.js';
import type { AppLogger } from '../logger.js';
import { instrumentAdminApi } from '../metrics/admin-api.js';
import { createMetrics, type Metrics } from '../metrics/metrics.js';
import { meteredFetch } from '../metrics/slack-fetch.js';
import type { RedisClient } from '../redis/client.js';
import { dependencyChecks } from './checks.js';
import { createReadiness, type Readiness } from './readiness.js';
import { type HealthRoute, healthRoutes } from './routes.js';

export interface Operations {
  readonly metrics: Metrics;
  /** The `fetch` every Slack WebClient gets (counts 429s and errors by method). */
  readonly fetch: webApi.FetchFunction;
  /** The Admin API client with latency and errors measured. */
  readonly api: AdminApi;
  readonly readiness: Readiness;
  readonly routes: HealthRoute[];
}

export interface OperationsDeps {
  readonly config: Config;
  readonly logger: AppLogger;
  readonly redis?: RedisClient | undefined;
  readonly api: AdminApi;
  /** `/readyz` timings (defaults 5000 ms cache, 2000 ms per probe). */
  readonly readiness?: { readonly cacheMs?: number; readonly timeoutMs?: number } | undefined;
}

export const createOperations = ({
  config,
  logger,
  redis,
  api,
  readiness: timing,
}: OperationsDeps): Operations => {
  const metrics = createMetrics();
  const fetch = meteredFetch(metrics);
  const measuredApi = instrumentAdminApi(api, metrics);
  // Its own client without retries: a probe that gave up must not keep retrying in the background.
  const probeClient = new webApi.WebClient(config.slack.botToken, {
    logger,
    fetch,
    retryConfig: { retries: 0 },
    timeout: 5000,
    ...(config.slack.apiUrl ? { slackApiUrl: config.slack.apiUrl } : {}),
  });
  const readiness = createReadiness({
    checks: dependencyChecks({ redis, slackAuthTest: () => probeClient.auth.test(), api: measuredApi }),
    ...timing,
  });
  return { metrics, fetch, api: measuredApi, readiness, routes: healthRoutes({ metrics, readiness }) };
};
