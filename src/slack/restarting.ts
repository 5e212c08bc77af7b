/**
 * Turns a Slack request away while the bot shuts down, kindly and where Slack lets us: a slash command gets the
 * message in its ack; a click or message shortcut through its response_url; a form submission as an error on its
 * first field (the form stays open, nothing is lost); a global shortcut or an App Home click in a small modal.
 * Everything else (events, option look-ups, a click inside a modal) is only acknowledged.
 */
import type { ReceiverEvent, webApi } from '@slack/bolt';
import { z } from 'zod';
import { RESTARTING_TEXT, restartingModal } from '../blocks/restarting.js';
import { type AppLogger, errorFields } from '../logger.js';
import { replyTo } from './reply.js';

const body = z.object({
  type: z.string().optional(),
  command: z.string().optional(),
  response_url: z.string().url().optional(),
  trigger_id: z.string().optional(),
  user: z.object({ id: z.string() }).optional(),
  view: z
    .object({
      type: z.string().optional(),
      blocks: z.array(z.object({ type: z.string(), block_id: z.string().optional() })).optional(),
    })
    .optional(),
});

export const answerRestarting = async (
  event: ReceiverEvent,
  deps: {
    readonly client: webApi.WebClient;
    readonly logger: AppLogger;
    /** Where a response_url may point (response-url.ts). */
    readonly origins: readonly string[];
  },
): Promise<void> => {
  const parsed = body.safeParse(event.body);
  const b = parsed.success ? parsed.data : {};
  if (b.command !== undefined) {
    await event.ack({ response_type: 'ephemeral', text: RESTARTING_TEXT });
    return;
  }
  if (b.type === 'view_submission') {
    // Slack takes `errors` keyed by input blocks only (state.values also lists other blocks with stateful elements).
    const firstField = b.view?.blocks?.find((block) => block.type === 'input')?.block_id;
    await event.ack(
      firstField === undefined
        ? undefined
        : { response_action: 'errors', errors: { [firstField]: RESTARTING_TEXT } },
    );
    return;
  }
  await event.ack(b.type === 'block_suggestion' ? { options: [] } : undefined);
  try {
    if (b.response_url !== undefined && b.user !== undefined)
      await replyTo(
        deps.client,
        { userId: b.user.id, responseUrl: b.response_url },
        { origins: deps.origins },
      )({
        text: RESTARTING_TEXT,
      });
    else if (
      b.trigger_id !== undefined &&
      (b.type === 'shortcut' || (b.type === 'block_actions' && b.view?.type === 'home'))
    )
      await deps.client.views.open({ trigger_id: b.trigger_id, view: restartingModal() });
  } catch (error) {
    deps.logger.warn({ requestType: b.type, ...errorFields(error) }, 'could not say the bot is restarting');
  }
};
