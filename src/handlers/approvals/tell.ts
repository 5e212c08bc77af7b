import type { Decision } from '../../approvals/service.js';
import type { Services, WebClient } from '../../services.js';
import type { ReplyTarget } from '../../slack/reply.js';
import { errorReply, replyFor } from '../respond-error.js';

/**
 * Runs a decision and tells the clicker about a refusal, a note, or an unexpected error: through the click's
 * response_url, so it reaches them in a DM between people or a private channel too, else by DM.
 */
export const decideAndTell = async (
  s: Services,
  client: WebClient,
  who: ReplyTarget,
  handler: string,
  work: () => Promise<Decision>,
): Promise<void> => {
  let text: string | undefined;
  try {
    const decision = await work();
    text = decision.ok ? decision.note : `:warning: ${decision.message}`;
  } catch (e) {
    text = errorReply(e, s.logger, { handler, user: who.userId }).text;
  }
  if (text === undefined) return;
  try {
    await replyFor(s, client, who)({ text });
  } catch {
    s.logger.warn({ handler, user: who.userId }, 'could not tell the clicker');
  }
};
