import type { AdminApi } from '../authgear/client.js';
import { asAppError } from '../errors.js';
import type { Metrics } from './metrics.js';

/** The Admin API client with latency and errors counted by operation name (a decorator: same interface). */
export const instrumentAdminApi = (
  api: AdminApi,
  metrics: Metrics,
  now: () => number = () => performance.now(),
): AdminApi => ({
  async run(operation, variables, actor) {
    const started = now();
    try {
      return await api.run(operation, variables, actor);
    } catch (error) {
      metrics.adminApiErrors.inc({ operation: operation.name, code: asAppError(error).code });
      throw error;
    } finally {
      metrics.adminApiSeconds.observe({ operation: operation.name }, (now() - started) / 1000);
    }
  },
});
