import type { webApi } from '@slack/bolt';
import type { Block } from '../blocks/primitives.js';
import { AppError } from '../errors.js';
import { isAllowedResponseUrl } from './response-url.js';

/** A message for the person who acted: ephemeral where it answers them, replacing the previous one when asked. */
export interface ReplyMessage {
  readonly text: string;
  readonly blocks?: readonly Block[];
  readonly replaceOriginal?: boolean;
}

export type Reply = (message: ReplyMessage) => Promise<void>;

/** Where answers for one person go, kept in modal metadata so a later step can answer in the same place. */
export type ReplyTarget = { readonly responseUrl: string } | { readonly dmUserId: string };

const toBody = (m: ReplyMessage) => ({
  response_type: 'ephemeral',
  text: m.text,
  ...(m.blocks ? { blocks: m.blocks } : {}),
  ...(m.replaceOriginal ? { replace_original: true } : { replace_original: false }),
});

/**
 * Answers through a response_url (valid 30 minutes, 5 uses) or by DM from the bot. A response_url outside
 * `origins` (see response-url.ts) is refused before anything is sent.
 */
export const replyTo = (
  client: webApi.WebClient,
  target: ReplyTarget,
  origins: readonly string[] = [],
): Reply => {
  if ('responseUrl' in target) {
    return async (m) => {
      if (!isAllowedResponseUrl(target.responseUrl, origins))
        throw new AppError('input.invalid', 'That request came with an answer address outside Slack.', {
          details: { problem: 'response_url outside Slack' },
        });
      const res = await fetch(target.responseUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(toBody(m)),
        signal: AbortSignal.timeout(10_000),
        redirect: 'error',
      });
      if (!res.ok) throw new Error(`response_url answered HTTP ${res.status}`);
    };
  }
  return async (m) => {
    const opened = await client.conversations.open({ users: target.dmUserId });
    const channel = opened.channel?.id ?? target.dmUserId;
    await client.chat.postMessage({ channel, text: m.text, ...(m.blocks ? { blocks: [...m.blocks] } : {}) });
  };
};
