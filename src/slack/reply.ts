import type { webApi } from '@slack/bolt';
import type { Block } from '../blocks/primitives.js';
import type { AppLogger } from '../logger.js';

/** A message for the person who acted: ephemeral where it answers them, replacing the previous one when asked. */
export interface ReplyMessage {
  readonly text: string;
  readonly blocks?: readonly Block[];
  readonly replaceOriginal?: boolean;
}

export type Reply = (message: ReplyMessage) => Promise<void>;

/** How long Slack honours a response_url (RULES.md: 30 minutes, at most 5 posts). */
export const RESPONSE_URL_LIFETIME_MS = 30 * 60_000;
/** A response_url this close to its end is treated as gone: the answer goes by DM instead. */
const RESPONSE_URL_MARGIN_MS = 60_000;

/**
 * Where answers for one person go: the response_url of their interaction, which works wherever it happened (a
 * private channel or a DM between people, where the bot is not and chat.postEphemeral would fail), or a DM from
 * the bot when there is none (App Home, forms), it is too old, or Slack refuses it.
 */
export interface ReplyTarget {
  readonly userId: string;
  readonly responseUrl?: string | undefined;
  /** When Slack issued `responseUrl` (ms since the epoch); absent: just now. */
  readonly issuedAt?: number | undefined;
}

export interface ReplyOptions {
  /** Clock for the response_url's age (default Date.now). */
  readonly now?: () => number;
  readonly logger?: AppLogger;
}

const toBody = (m: ReplyMessage) => ({
  response_type: 'ephemeral',
  text: m.text,
  ...(m.blocks ? { blocks: m.blocks } : {}),
  replace_original: m.replaceOriginal ?? false,
});

/** Posts to a response_url; the HTTP status, or 0 when Slack could not be reached. */
const postToResponseUrl = async (url: string, m: ReplyMessage): Promise<number> => {
  try {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(toBody(m)),
      signal: AbortSignal.timeout(10_000),
    });
    await res.body?.cancel();
    return res.status;
  } catch {
    return 0;
  }
};

/** Answers through the response_url while it lasts, else (or when Slack refuses it) by DM from the bot. */
export const replyTo = (client: webApi.WebClient, target: ReplyTarget, options: ReplyOptions = {}): Reply => {
  const now = options.now ?? Date.now;
  const fresh = () =>
    target.issuedAt === undefined ||
    now() - target.issuedAt < RESPONSE_URL_LIFETIME_MS - RESPONSE_URL_MARGIN_MS;
  return async (m) => {
    if (target.responseUrl && fresh()) {
      const status = await postToResponseUrl(target.responseUrl, m);
      if (status >= 200 && status < 300) return;
      options.logger?.info({ user: target.userId, status }, 'response_url refused; answering by DM');
    }
    const opened = await client.conversations.open({ users: target.userId });
    const channel = opened.channel?.id ?? target.userId;
    await client.chat.postMessage({ channel, text: m.text, ...(m.blocks ? { blocks: [...m.blocks] } : {}) });
  };
};
