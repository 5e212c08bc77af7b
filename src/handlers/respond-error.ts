import { randomUUID } from 'node:crypto';
import type { RespondFn } from '@slack/bolt';
import { errorMessage } from '../blocks/messages.js';
import { asAppError } from '../errors.js';
import { type AppLogger, maskedMessage } from '../logger.js';
import type { Reply, ReplyMessage } from '../slack/reply.js';

/** Bolt's `respond` as our Reply: ephemeral, optionally replacing the message the click came from. */
export const replyVia =
  (respond: RespondFn): Reply =>
  async (m: ReplyMessage) => {
    await respond({
      response_type: 'ephemeral',
      text: m.text,
      ...(m.blocks ? { blocks: [...m.blocks] } : {}),
      replace_original: m.replaceOriginal ?? false,
    });
  };

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
