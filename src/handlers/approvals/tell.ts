import type { CardRef } from '../../approvals/notify.js';
import type { Decision } from '../../approvals/service.js';
import { approvalGoneCard } from '../../blocks/approval-card.js';
import { isAppError } from '../../errors.js';
import { errorFields } from '../../logger.js';
import type { Services, WebClient } from '../../services.js';
import { errorReply } from '../../slack/error-reply.js';
import type { ReplyTarget } from '../../slack/reply.js';
import { replyFor } from '../respond-error.js';

/** Who clicked and where to answer them; `card` is the card clicked (a message in a channel), if it was one. */
export interface Clicker extends ReplyTarget {
  readonly card?: CardRef | undefined;
}

/**
 * Runs a decision and tells the clicker its note, or its refusal (a typed AppError) or an unexpected error through
 * the one error path: through the click's response_url, so it reaches them in a DM between people or a private
 * channel too, else by DM. A card whose request no longer exists is redrawn without buttons.
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
    await replyFor(s, client, who)({ text });
  } catch {
    s.logger.warn({ handler, user: who.userId }, 'could not tell the clicker');
  }
};
