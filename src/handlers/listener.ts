/**
 * The one wrapper every listener is registered through: whatever escapes a handler is acknowledged (so Slack does
 * not show its own error), logged once with a reference (type, masked message, short stack) and shown to the person
 * with that reference, through the interaction's response_url or by DM. Handlers still answer their own expected
 * failures (see respond-error.ts); this is the path for everything else.
 */

import type { App } from '@slack/bolt';
import { z } from 'zod';
import { type AppLogger, errorFields } from '../logger.js';
import type { Services, WebClient } from '../services.js';
import { errorReply, newReference } from '../slack/error-reply.js';
import { replyFor } from './respond-error.js';

/** Where a request came from, as far as its body says (commands, interactions and events differ). */
const origin = z
  .object({
    response_url: z.string().optional(),
    user_id: z.string().optional(),
    user: z.object({ id: z.string() }).optional(),
    event: z.object({ user: z.string().optional() }).optional(),
  })
  .loose();

const ackOnce = async (args: object): Promise<void> => {
  const ack: unknown = 'ack' in args ? args.ack : undefined;
  if (typeof ack !== 'function') return;
  try {
    await ack();
  } catch {
    // Already acknowledged by the handler: nothing to do.
  }
};

export const listen =
  <A extends { readonly body: unknown; readonly client: WebClient }>(
    s: Services,
    name: string,
    handler: (args: A) => Promise<void>,
  ) =>
  async (args: A): Promise<void> => {
    try {
      await handler(args);
    } catch (e) {
      await ackOnce(args);
      const from = origin.safeParse(args.body);
      const body = from.success ? from.data : {};
      const userId = body.user?.id ?? body.user_id ?? body.event?.user;
      const message = errorReply(e, s.logger, { handler: name, user: userId, escaped: true });
      if (userId === undefined) return;
      await replyFor(s, args.client, { userId, responseUrl: body.response_url })(message).catch(
        (deliveryError: unknown) =>
          s.logger.error(
            { handler: name, ...errorFields(deliveryError) },
            'could not deliver an error message',
          ),
      );
    }
  };

/** The backstop behind `listen`: Bolt's own middleware failures land in `app.error`, logged with a reference. */
export const logUnhandled = (app: App, logger: AppLogger): void => {
  app.error(async (error) => {
    const original = (error as { original?: unknown }).original;
    logger.error(
      { ref: newReference(), code: (error as { code?: string }).code, ...errorFields(original ?? error) },
      'unhandled error in a listener',
    );
  });
};
