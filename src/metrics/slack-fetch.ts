/**
 * A `fetch` for the Slack WebClients (the `fetch` client option) that counts 429s and `ok: false` answers by
 * method. It sees every Web API call the clients make, including their own retries, and changes nothing.
 */
import type { webApi } from '@slack/bolt';
import type { Metrics } from './metrics.js';

type Fetch = (url: string | URL, init?: Parameters<webApi.FetchFunction>[1]) => Promise<Response>;

/** `chat.postMessage` from `https://slack.com/api/chat.postMessage`. */
const methodOf = (url: string | URL): string => {
  const path = URL.parse(String(url))?.pathname ?? '';
  return /\/api\/([A-Za-z0-9_.]+)$/.exec(path)?.[1] ?? 'response_url';
};

const errorOf = async (response: Response): Promise<string | undefined> => {
  if (!(response.headers.get('content-type') ?? '').includes('json')) return undefined;
  try {
    const body: unknown = await response.clone().json();
    if (typeof body !== 'object' || body === null || !('ok' in body) || body.ok !== false) return undefined;
    return 'error' in body && typeof body.error === 'string' ? body.error : 'unknown';
  } catch {
    return undefined;
  }
};

export const meteredFetch =
  (metrics: Metrics, base: Fetch = globalThis.fetch): Fetch =>
  async (input, init) => {
    const method = methodOf(input);
    let response: Response;
    try {
      response = await base(input, init);
    } catch (error) {
      metrics.slackErrors.inc({ method, error: 'request_failed' });
      throw error;
    }
    if (response.status === 429) {
      metrics.slackRateLimited.inc({ method });
      return response;
    }
    if (response.status >= 400) {
      metrics.slackErrors.inc({ method, error: `http_${response.status}` });
      return response;
    }
    const error = await errorOf(response);
    if (error) metrics.slackErrors.inc({ method, error });
    return response;
  };
