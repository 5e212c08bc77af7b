import type { CardRef } from '../../approvals/notify.js';
import type { Decision } from '../../approvals/service.js';
import { approvalGoneCard } from '../../blocks/approval-card.js';
import { isAppError } from '../../errors.js';
import { errorFields } from '../../logger.js';
import type { Services, WebClient } from '../../services.js';
import { errorReply } from '../../slack/error-reply.js';

/** Where to tell the clicker something only they see: ephemeral in the channel, or a DM without one. */
export interface Clicker {
  readonly userId: string;
  readonly channelId?: string | undefined;
  /** The card clicked (a message in a channel), redrawn when its request no longer exists. */
  readonly card?: CardRef | undefined;
}

export const tell = async (client: WebClient, who: Clicker, text: string): Promise<void> => {
  if (who.channelId) {
    await client.chat.postEphemeral({ channel: who.channelId, user: who.userId, text });
    return;
  }
  const opened = await client.conversations.open({ users: who.userId });
  await client.chat.postMessage({ channel: opened.channel?.id ?? who.userId, text });
};

/**
 * Runs a decision and tells the clicker its note, or its refusal (a typed AppError) or an unexpected error through
 * the one error path. A card whose request no longer exists is redrawn without buttons.
 */
export const decideAndTell = async (
  s: Services,
  client: WebClient,
  who: Clicker,
  handler: string,
  work: () => Promise<Decision | undefined>,
): Promise<void> => {
  let text: string | undefined;
  try {
    text = (await work())?.note;
  } catch (e) {
    text = errorReply(e, s.logger, { handler, user: who.userId }).text;
    if (isAppError(e) && e.code === 'approval.not_found' && who.card) {
      const card = who.card;
      await client.chat
        .update({ channel: card.channel, ts: card.ts, ...approvalGoneCard() })
        .catch((err: unknown) =>
          s.logger.warn({ handler, ...errorFields(err) }, 'could not redraw a gone card'),
        );
    }
  }
  if (text === undefined) return;
  try {
    await tell(client, who, text);
  } catch {
    s.logger.warn({ handler, user: who.userId }, 'could not tell the clicker');
  }
};
