import type { Decision } from '../../approvals/service.js';
import type { Services, WebClient } from '../../services.js';
import { errorReply } from '../../slack/error-reply.js';

/** Where to tell the clicker something only they see: ephemeral in the channel, or a DM without one. */
export interface Clicker {
  readonly userId: string;
  readonly channelId?: string | undefined;
}

export const tell = async (client: WebClient, who: Clicker, text: string): Promise<void> => {
  if (who.channelId) {
    await client.chat.postEphemeral({ channel: who.channelId, user: who.userId, text });
    return;
  }
  const opened = await client.conversations.open({ users: who.userId });
  await client.chat.postMessage({ channel: opened.channel?.id ?? who.userId, text });
};

/** Runs a decision and tells the clicker about a refusal, a note, or an unexpected error. */
export const decideAndTell = async (
  s: Services,
  client: WebClient,
  who: Clicker,
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
    await tell(client, who, text);
  } catch {
    s.logger.warn({ handler, user: who.userId }, 'could not tell the clicker');
  }
};
