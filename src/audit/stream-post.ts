/**
 * Posts one batch of Authgear audit-log entries to the audit channel: paced per channel, waiting out 429
 * Retry-After, falling back to text when Slack rejects the blocks, and giving up (false) after a few other
 * failures so the stream's cursor stays put and the next poll retries the same batch.
 */
import type { webApi } from '@slack/bolt';
import type { AuditLogEntry } from '../authgear/operations/audit-logs.js';
import { auditLogStreamMessage, auditLogStreamText } from '../blocks/audit-log.js';
import type { AppLogger } from '../logger.js';
import { channelProblem } from '../slack/errors.js';
import { classifyPostFailure } from './slack-failure.js';

export interface StreamPosterOptions {
  readonly client: webApi.WebClient;
  readonly channel: string;
  readonly logger: AppLogger;
  readonly now: () => number;
  /** An interruptible wait (the stream's). */
  readonly pause: (ms: number) => Promise<void>;
  readonly minIntervalMs: number;
  /** Checked before every attempt: false (stopping, or the lock was lost) ends the batch undelivered. */
  readonly mayPost: () => boolean;
  /** Failures other than 429 before giving up (default 3); waits double from `backoffMs` (default 1000). */
  readonly maxFailures?: number;
  readonly backoffMs?: number;
}

export interface StreamPoster {
  /** True once Slack accepted the batch. */
  post(entries: readonly AuditLogEntry[]): Promise<boolean>;
}

export const createStreamPoster = (options: StreamPosterOptions): StreamPoster => {
  const { client, channel, logger, now, pause } = options;
  const maxFailures = options.maxFailures ?? 3;
  let lastPostAt = Number.NEGATIVE_INFINITY;

  return {
    async post(entries) {
      let textOnly = false;
      let failures = 0;
      let backoffMs = options.backoffMs ?? 1000;
      for (;;) {
        const gap = lastPostAt + options.minIntervalMs - now();
        if (gap > 0) await pause(gap);
        if (!options.mayPost()) return false;
        try {
          const message = auditLogStreamMessage(entries);
          await client.chat.postMessage({
            channel,
            text: textOnly ? auditLogStreamText(entries) : message.text,
            ...(textOnly ? {} : { blocks: message.blocks }),
            unfurl_links: false,
            unfurl_media: false,
          });
          lastPostAt = now();
          return true;
        } catch (error) {
          const failure = classifyPostFailure(error);
          if (failure.kind === 'ratelimited') {
            logger.warn({ retryAfterMs: failure.retryAfterMs }, 'audit stream post rate limited; waiting');
            await pause(failure.retryAfterMs);
            continue;
          }
          if (failure.kind === 'blocks' && !textOnly) {
            logger.error({ entries: entries.length }, 'audit stream blocks rejected; posting text');
            textOnly = true;
            continue;
          }
          failures += 1;
          const code = failure.kind === 'other' ? failure.code : 'blocks';
          const problem = channelProblem(code, channel);
          logger.error(
            { slackError: code, failures },
            problem ? `audit stream post refused: ${problem}` : 'audit stream post failed',
          );
          if (failures >= maxFailures) return false;
          await pause(backoffMs);
          backoffMs *= 2;
        }
      }
    },
  };
};
