/** How a failed Slack post is handled by the audit loops (outbox delivery and the Authgear log stream). */

export type PostFailure =
  | { kind: 'ratelimited'; retryAfterMs: number }
  | { kind: 'blocks' }
  | { kind: 'other'; code: string };

/** Slack refused the message itself (its blocks, or too much text in them): retrying it as it is cannot work. */
const BLOCK_ERRORS = new Set([
  'invalid_blocks',
  'msg_blocks_too_long',
  'invalid_blocks_format',
  'msg_too_long',
  'invalid_arguments',
]);

/** Classifies an error thrown by a WebClient built with `rejectRateLimitedCalls` (see createAuditWebClient). */
export const classifyPostFailure = (error: unknown): PostFailure => {
  const e = (typeof error === 'object' && error !== null ? error : {}) as {
    code?: unknown;
    retryAfter?: unknown;
    data?: { error?: unknown };
  };
  if (e.code === 'slack_webapi_rate_limited_error')
    return {
      kind: 'ratelimited',
      retryAfterMs: (typeof e.retryAfter === 'number' ? e.retryAfter : 1) * 1000,
    };
  const slackError = typeof e.data?.error === 'string' ? e.data.error : undefined;
  if (slackError && BLOCK_ERRORS.has(slackError)) return { kind: 'blocks' };
  return { kind: 'other', code: slackError ?? (typeof e.code === 'string' ? e.code : 'unknown') };
};

export const realSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
