import { type AppLogger, errorFields } from '../logger.js';
import type { Services, WebClient } from '../services.js';
import { errorReply } from '../slack/error-reply.js';
import { type Reply, type ReplyTarget, replyTo } from '../slack/reply.js';

/**
 * How a handler answers the person who acted: through their interaction's response_url (ephemeral, optionally
 * replacing the message clicked), or by DM when there is none, it is too old, or Slack refuses it. Never
 * chat.postEphemeral, which fails wherever the bot is not a member.
 */
export const replyFor = (s: Services, client: WebClient, target: ReplyTarget): Reply =>
  replyTo(client, target, { now: () => s.now().getTime(), logger: s.logger, origins: s.responseUrlOrigins });

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
