/** Messages in the demo workspace, in arrival order; an update keeps a message's place, as in Slack. */
import { objects } from '../web/json.js';
import type { ChatMessage, Json } from './types.js';

/**
 * The blocks as Slack stores them: every block gets a block_id (Slack makes one up when the app gave none), so a
 * click can name the block it came from.
 */
export const withBlockIds = (blocks: unknown, seed: string): Json[] =>
  objects(blocks).map((b, i) =>
    typeof b.block_id === 'string' ? b : { ...b, block_id: `${seed}${i.toString(36)}` },
  );

export const messageKey = (channel: string, ts: string, visibleTo?: string): string =>
  visibleTo === undefined ? `${channel}/${ts}` : `${channel}/${ts}/${visibleTo}`;

export interface MessageContent {
  readonly text: string;
  readonly blocks: unknown;
}

export interface MessageStore {
  add(m: Omit<ChatMessage, 'key' | 'blocks'> & MessageContent): ChatMessage;
  /** Replaces text and blocks, keeping place, author and visibility; false when there is no such message. */
  replace(key: string, content: MessageContent): boolean;
  remove(key: string): boolean;
  get(key: string): ChatMessage | undefined;
  /**
   * Messages in `channel` that `personId` can see (everyone's, plus ephemerals to them), oldest first. With a
   * `horizon` (see {@link MessageStore.horizon}), ephemerals that arrived before it are left out: Slack keeps no
   * ephemeral message, so a page loaded after one arrived never shows it.
   */
  visibleIn(channel: string, personId: string, horizon?: number): ChatMessage[];
  /** How many messages have arrived so far: a page loaded now passes it to visibleIn as its horizon. */
  horizon(): number;
}

export const createMessageStore = (): MessageStore => {
  const messages = new Map<string, ChatMessage>();
  /** Arrival number of each message (kept when it is replaced, as Slack keeps its place). */
  const arrival = new Map<string, number>();
  let arrived = 0;
  let seq = 0;
  const seed = () => `b${(++seq).toString(36)}_`;
  return {
    add: (m) => {
      const key = messageKey(m.channel, m.ts, m.visibleTo);
      const message: ChatMessage = { ...m, key, text: m.text, blocks: withBlockIds(m.blocks, seed()) };
      messages.set(key, message);
      arrival.set(key, ++arrived);
      return message;
    },
    replace: (key, content) => {
      const previous = messages.get(key);
      if (!previous) return false;
      messages.set(key, { ...previous, text: content.text, blocks: withBlockIds(content.blocks, seed()) });
      return true;
    },
    remove: (key) => {
      arrival.delete(key);
      return messages.delete(key);
    },
    get: (key) => messages.get(key),
    visibleIn: (channel, personId, horizon = 0) =>
      [...messages.values()].filter(
        (m) =>
          m.channel === channel &&
          (m.visibleTo === undefined || (m.visibleTo === personId && (arrival.get(m.key) ?? 0) > horizon)),
      ),
    horizon: () => arrived,
  };
};
