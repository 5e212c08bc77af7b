import { randomUUID } from 'node:crypto';
import { errorMessage } from '../blocks/messages.js';
import { asAppError } from '../errors.js';
import { type AppLogger, maskedMessage } from '../logger.js';
import type { Services, WebClient } from '../services.js';
import { type Reply, type ReplyMessage, type ReplyTarget, replyTo } from '../slack/reply.js';

/**
 * How a handler answers the person who acted: through their interaction's response_url (ephemeral, optionally
 * replacing the message clicked), or by DM when there is none, it is too old, or Slack refuses it. Never
 * chat.postEphemeral, which fails wherever the bot is not a member.
 */
export const replyFor = (s: Services, client: WebClient, target: ReplyTarget): Reply =>
  replyTo(client, target, { now: () => s.now().getTime(), logger: s.logger });

/**
 * The one place errors become messages. AppErrors show their kind message; anything else shows a generic one
 * with a reference ID, and the details go to the log (never the raw error text, which may embed variables).
 */
export const errorReply = (
  e: unknown,
  logger: AppLogger,
  context: Record<string, unknown> = {},
): ReplyMessage => {
  const err = asAppError(e);
  if (err.code === 'internal') {
    const ref = randomUUID().slice(0, 8);
    logger.error({ ...context, ref, code: err.code, cause: describe(err.cause) }, 'unexpected error');
    return errorMessage(err.userMessage, ref);
  }
  logger.warn({ ...context, code: err.code, ...err.details }, 'request refused');
  return errorMessage(err.userMessage);
};

const describe = (cause: unknown): Record<string, unknown> =>
  cause instanceof Error
    ? {
        type: cause.name,
        message: maskedMessage(cause),
        stack: cause.stack?.split('\n').slice(1, 6).join('\n'),
      }
    : { type: typeof cause };

/** Runs slow work after the ack; any failure reaches the person as a kind message. */
export const guarded = async (
  work: () => Promise<void>,
  reply: Reply,
  logger: AppLogger,
  context: Record<string, unknown> = {},
): Promise<void> => {
  try {
    await work();
  } catch (e) {
    try {
      await reply(errorReply(e, logger, context));
    } catch (deliveryError) {
      logger.error({ ...context, cause: describe(deliveryError) }, 'could not deliver an error message');
    }
  }
};
