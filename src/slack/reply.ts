import type { webApi } from '@slack/bolt';
import type { Block } from '../blocks/primitives.js';
import { AppError } from '../errors.js';
import type { AppLogger } from '../logger.js';
import { isAllowedResponseUrl, SLACK_RESPONSE_ORIGINS } from './response-url.js';

/** A message for the person who acted: ephemeral where it answers them, replacing the previous one when asked. */
export interface ReplyMessage {
  readonly text: string;
  readonly blocks?: readonly Block[];
  readonly replaceOriginal?: boolean;
  /**
   * It carries a secret: only the interaction's response_url may take it (an ephemeral answer Slack does not
   * keep); it never falls back to a DM, which Slack keeps in history, search and exports.
   */
  readonly ephemeralOnly?: boolean;
  /**
   * For a message with a secret that would replace the message clicked: what may replace it when Slack keeps that
   * message (no secret). The secret itself then goes as a new ephemeral answer.
   */
  readonly storedVersion?: ReplyMessage;
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
  /**
   * The interaction came from a message Slack keeps (not ephemeral: a DM, or any message the bot posted):
   * `replace_original` would write into history, search and exports, so a secret never replaces it.
   */
  readonly sourceStored?: boolean | undefined;
}

export interface ReplyOptions {
  /** Clock for the response_url's age (default Date.now). */
  readonly now?: () => number;
  readonly logger?: AppLogger;
  /**
   * Origins a response_url may point to (response-url.ts: Slack's hooks hosts and the configured API URL's). A
   * response_url anywhere else, from a payload or from modal metadata, is never posted to. Default: Slack's.
   */
  readonly origins?: readonly string[];
}

const toBody = (m: ReplyMessage) => ({
  response_type: 'ephemeral',
  text: m.text,
  ...(m.blocks ? { blocks: m.blocks } : {}),
  replace_original: m.replaceOriginal ?? false,
});

/** A secret that could not be shown where Slack does not keep it; the caller tells the person to regenerate it. */
const undeliverable = (): AppError =>
  new AppError('slack.unavailable', 'The answer could not be shown to you here.', {
    details: { problem: 'ephemeral answer refused; no DM for a secret' },
  });

/** Posts to a response_url; the HTTP status, or 0 when Slack could not be reached. */
const postToResponseUrl = async (url: string, m: ReplyMessage): Promise<number> => {
  try {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(toBody(m)),
      signal: AbortSignal.timeout(10_000),
      redirect: 'error',
    });
    await res.body?.cancel();
    return res.status;
  } catch {
    return 0;
  }
};

/**
 * Answers through the response_url while it lasts, else (or when Slack refuses it) by DM from the bot. A
 * response_url outside `origins` is never posted to. A message with a secret (`ephemeralOnly`) never goes by DM.
 */
export const replyTo = (client: webApi.WebClient, target: ReplyTarget, options: ReplyOptions = {}): Reply => {
  const now = options.now ?? Date.now;
  const origins = options.origins ?? SLACK_RESPONSE_ORIGINS;
  const fresh = () =>
    target.issuedAt === undefined ||
    now() - target.issuedAt < RESPONSE_URL_LIFETIME_MS - RESPONSE_URL_MARGIN_MS;
  const allowed = target.responseUrl !== undefined && isAllowedResponseUrl(target.responseUrl, origins);
  if (target.responseUrl !== undefined && !allowed)
    options.logger?.warn({ user: target.userId }, 'refused a response_url outside Slack; answering by DM');
  const send: Reply = async (m) => {
    if (target.responseUrl && allowed && fresh()) {
      const status = await postToResponseUrl(target.responseUrl, m);
      if (status >= 200 && status < 300) return;
      options.logger?.info({ user: target.userId, status }, 'response_url refused; answering by DM');
    }
    if (m.ephemeralOnly) throw undeliverable();
    const opened = await client.conversations.open({ users: target.userId });
    const channel = opened.channel?.id ?? target.userId;
    await client.chat.postMessage({ channel, text: m.text, ...(m.blocks ? { blocks: [...m.blocks] } : {}) });
  };
  return async (m) => {
    if (!(m.ephemeralOnly && m.replaceOriginal && target.sourceStored)) return send(m);
    // A secret never replaces a message Slack keeps: it goes as a new ephemeral answer, then the kept message is
    // replaced by its version without the secret.
    const { storedVersion, ...secret } = m;
    await send({ ...secret, replaceOriginal: false });
    await send({ ...(storedVersion ?? SHOWN_SEPARATELY), replaceOriginal: true, ephemeralOnly: false }).catch(
      (e: unknown) =>
        options.logger?.warn(
          { user: target.userId, err: e instanceof Error ? e.message : String(e) },
          'could not replace the clicked message after showing a secret',
        ),
    );
  };
};

const SHOWN_SEPARATELY: ReplyMessage = {
  text: 'Done. The result was shown to you only, in a separate message Slack does not keep.',
};
