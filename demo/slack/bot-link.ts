/** Sends requests to the bot the way Slack does: signed (v0 HMAC-SHA256 of `v0:timestamp:body`), form or JSON. */
import { computeSlackSignature } from '../../test/support/slack-driver.js';
import { isObject } from '../web/json.js';
import type { Json } from '../workspace/types.js';

export interface BotAnswer {
  readonly status: number;
  /** The ack body parsed as JSON when it is JSON (a view_submission's response_action, a command's help). */
  readonly json: Json | undefined;
}

export interface BotLink {
  /** A slash command: the form fields Slack posts. */
  command(form: string): Promise<BotAnswer>;
  /** An interaction payload (block_actions, view_submission, view_closed), posted as `payload=<json>`. */
  interaction(payload: Json): Promise<BotAnswer>;
  /** An Events API callback (JSON body). */
  event(body: Json): Promise<BotAnswer>;
}

const parse = (text: string): Json | undefined => {
  if (text.trim() === '') return undefined;
  try {
    const value: unknown = JSON.parse(text);
    return isObject(value) ? value : undefined;
  } catch {
    return undefined;
  }
};

export const createBotLink = (options: {
  readonly url: string;
  readonly signingSecret: string;
  readonly now?: () => number;
}): BotLink => {
  const now = options.now ?? Date.now;
  const post = async (body: string, contentType: string): Promise<BotAnswer> => {
    const timestamp = String(Math.floor(now() / 1000));
    const response = await fetch(options.url, {
      method: 'POST',
      headers: {
        'content-type': contentType,
        'x-slack-request-timestamp': timestamp,
        'x-slack-signature': computeSlackSignature(options.signingSecret, timestamp, body),
      },
      body,
      signal: AbortSignal.timeout(10_000),
    });
    return { status: response.status, json: parse(await response.text()) };
  };
  return {
    command: (form) => post(form, 'application/x-www-form-urlencoded'),
    interaction: (payload) =>
      post(
        new URLSearchParams({ payload: JSON.stringify(payload) }).toString(),
        'application/x-www-form-urlencoded',
      ),
    event: (body) => post(JSON.stringify(body), 'application/json'),
  };
};
