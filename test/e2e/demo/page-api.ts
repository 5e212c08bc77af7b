/** Drives a running demo through the page's own endpoints, as the page's script does. */
import type { ChatMessage, Json, PersonSnapshot } from '../../../demo/workspace/types.js';
import { waitFor } from '../../support/wait.js';

export interface PageApi {
  state(as: string): Promise<PersonSnapshot>;
  post(path: string, body: Json): Promise<{ status: number; json: Json }>;
  /** Clicks the button labelled `label` on `message` as `as`. */
  click(as: string, message: ChatMessage, label: string): Promise<{ status: number; json: Json }>;
  /** Waits until `as` sees a message in `channel` matching `test`. */
  message(as: string, channel: string, test: (m: ChatMessage) => boolean, what: string): Promise<ChatMessage>;
}

export const pageApi = (baseUrl: string): PageApi => {
  const state = async (as: string): Promise<PersonSnapshot> => {
    const res = await fetch(new URL(`/api/state?as=${as}`, baseUrl));
    if (!res.ok) throw new Error(`state: HTTP ${res.status}`);
    return (await res.json()) as PersonSnapshot;
  };
  const post = async (path: string, body: Json) => {
    const res = await fetch(new URL(path, baseUrl), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return { status: res.status, json: (await res.json()) as Json };
  };
  return {
    state,
    post,
    click: (as, message, label) => {
      const at = buttonAt(message.blocks, label);
      if (!at) throw new Error(`no button "${label}" on ${message.key}`);
      return post('/api/click', { as, target: { kind: 'message', key: message.key }, ...at });
    },
    message: (as, channel, test, what) =>
      waitFor(async () => (await state(as)).messages[channel]?.find(test), {
        message: what,
        timeoutMs: 10_000,
      }),
  };
};

/** Text of every Block Kit text object in `blocks` (JSON), for loose matching. */
export const blockText = (m: { readonly text: string; readonly blocks: readonly Json[] }): string =>
  `${m.text} ${JSON.stringify(m.blocks)}`;

/** The position of the button labelled `label` in a message's or view's blocks. */
export const buttonAt = (
  blocks: readonly Json[],
  label: string,
): { blockIndex: number; elementIndex: number } | undefined => {
  for (const [blockIndex, block] of blocks.entries()) {
    const elements = Array.isArray(block.elements) ? block.elements : [];
    for (const [elementIndex, e] of elements.entries()) {
      const text = (e as { text?: { text?: string } }).text?.text;
      if ((e as { type?: string }).type === 'button' && text === label) return { blockIndex, elementIndex };
    }
  }
  return undefined;
};
