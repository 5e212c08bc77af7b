/** Armed failures for the Slack fake: HTTP 429 rate limits, `{ ok: false, error }` answers, per-channel limits. */

export interface RateLimitOptions {
  /** How many of the next calls to answer 429 (default 1). */
  times?: number;
  /** The `Retry-After` header value (default 1). */
  retryAfterSeconds?: number;
}

export interface FailNextOptions {
  /** How many of the next calls to fail (default 1). */
  times?: number;
  /** The Slack error code, e.g. `channel_not_found`, `internal_error`. */
  error: string;
}

export type Fault = { kind: 'ratelimited'; retryAfterSeconds: number } | { kind: 'error'; error: string };

interface Armed {
  fault: Fault;
  remaining: number;
}

/**
 * Per-method limits Slack enforces per workspace (calls per rolling minute), beyond the per-channel posting rate.
 * RULES.md "Identity": usergroups.users.list is Tier 2, about 20 calls a minute (Web API docs, rate limit tiers).
 */
export const METHOD_LIMITS_PER_MINUTE: Readonly<Record<string, number>> = {
  'usergroups.users.list': 20,
};

export interface Faults {
  rateLimit(method: string, options?: RateLimitOptions): void;
  failNext(method: string, options: FailNextOptions): void;
  /** Consumes and returns the next armed fault for `method`, rate limits first. */
  take(method: string): Fault | undefined;
  /**
   * Slack's ~1 message/second/channel: when more than `limit` chat.postMessage calls reach `channel` within a
   * rolling second, answer 429. Returns the fault, or undefined (and counts the call) when it may pass.
   */
  checkChannelRate(channel: string, at: number): Fault | undefined;
  /**
   * A method's tier (METHOD_LIMITS_PER_MINUTE): past its calls per rolling minute, answer 429 with the seconds until
   * the oldest call leaves the window. Returns the fault, or undefined (and counts the call) when it may pass.
   */
  checkMethodRate(method: string, at: number): Fault | undefined;
  clear(): void;
}

export const createFaults = (postMessageLimitPerSecond: number | undefined): Faults => {
  const armed = new Map<string, Armed[]>();
  const sentAt = new Map<string, number[]>();
  const arm = (method: string, fault: Fault, times: number) => {
    const list = armed.get(method) ?? [];
    // Rate limits are served before error faults, as Slack's gateway answers 429 before the method runs.
    if (fault.kind === 'ratelimited') list.unshift({ fault, remaining: times });
    else list.push({ fault, remaining: times });
    armed.set(method, list);
  };
  /** A sliding window of `limit` calls per `windowMs` under `key`: the refusal, with Retry-After, or undefined. */
  const slidingWindow = (key: string, at: number, limit: number, windowMs: number): Fault | undefined => {
    const recent = (sentAt.get(key) ?? []).filter((t) => at - t < windowMs);
    if (recent.length >= limit) {
      sentAt.set(key, recent);
      const oldest = recent[0] ?? at;
      return {
        kind: 'ratelimited',
        retryAfterSeconds: Math.max(1, Math.ceil((oldest + windowMs - at) / 1000)),
      };
    }
    recent.push(at);
    sentAt.set(key, recent);
    return undefined;
  };

  return {
    rateLimit: (method, { times = 1, retryAfterSeconds = 1 } = {}) =>
      arm(method, { kind: 'ratelimited', retryAfterSeconds }, times),
    failNext: (method, { times = 1, error }) => arm(method, { kind: 'error', error }, times),
    take: (method) => {
      const list = armed.get(method);
      const head = list?.[0];
      if (!list || !head) return undefined;
      head.remaining -= 1;
      if (head.remaining <= 0) list.shift();
      return head.fault;
    },
    checkChannelRate: (channel, at) =>
      postMessageLimitPerSecond === undefined
        ? undefined
        : slidingWindow(channel, at, postMessageLimitPerSecond, 1000),
    checkMethodRate: (method, at) => {
      const limit = METHOD_LIMITS_PER_MINUTE[method];
      return limit === undefined ? undefined : slidingWindow(`method:${method}`, at, limit, 60_000);
    },
    clear: () => {
      armed.clear();
      sentAt.clear();
    },
  };
};
