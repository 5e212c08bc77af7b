import { type AppLogger, errorFields } from '../logger.js';
import { errorReply } from '../slack/error-reply.js';
import type { Reply } from '../slack/reply.js';

/** Runs slow work after the ack; any failure reaches the person as a kind message (see slack/error-reply.ts). */
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
      logger.error({ ...context, ...errorFields(deliveryError) }, 'could not deliver an error message');
    }
  }
};
