import type { types } from '@slack/bolt';

export type Block = types.KnownBlock;
export type Button = types.Button;
export type PlainText = types.PlainTextElement;
export type Mrkdwn = types.MrkdwnElement;
export type ModalView = types.ModalView;

/** Slack's limits, enforced where text is built. */
export const LIMITS = {
  blocksPerMessage: 50,
  blocksPerModal: 100,
  sectionText: 3000,
  headerText: 150,
  buttonText: 75,
  buttonValue: 2000,
  modalTitle: 24,
  modalButton: 24,
  privateMetadata: 3000,
  contextElements: 10,
  actionsElements: 25,
  optionText: 75,
  inputLabel: 2000,
  messageText: 40000,
  /**
   * Text across all blocks of one message. Slack refuses more than about 12,000 characters (`msg_blocks_too_long`,
   * undocumented; slackapi/bolt-js #2509, #2867); RULES.md asks for a margin.
   */
  blockTextPerMessage: 10000,
} as const;

/** Escapes the three characters Slack treats as control characters in message text. */
export const escapeText = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Cuts text to `max` characters (by code point) with an ellipsis, never splitting an escape sequence. */
export const truncate = (text: string, max: number): string => {
  const chars = [...text];
  if (chars.length <= max) return text;
  const cut = chars.slice(0, Math.max(0, max - 1)).join('');
  return `${cut.replace(/&[a-z]{0,4}$/, '')}…`;
};

/** Untrusted text (typed by a person or stored in Authgear) made safe for mrkdwn: escaped and neutralised. */
export const safe = (text: string, max = 500): string =>
  truncate(
    escapeText(text).replace(/[*_~`]/g, (c) => `\u200b${c}\u200b`),
    max,
  );

/**
 * Untrusted text as a code span: Slack formats nothing inside one, so `_`, `*` and `~` stay as they are (copyable;
 * no zero-width characters). Control characters are escaped, a backtick (which would end the span) becomes `ˋ`, and
 * line breaks become spaces.
 */
export const codeSpan = (text: string, max = 500): string =>
  `\`${truncate(
    escapeText(text)
      .replace(/`/g, 'ˋ')
      .replace(/[\r\n]+/g, ' '),
    max,
  )}\``;

export const plain = (text: string, max: number = LIMITS.sectionText): PlainText => ({
  type: 'plain_text',
  text: truncate(text, max),
  emoji: true,
});

/** mrkdwn from trusted template text; interpolate untrusted parts through `safe()` first. */
export const md = (text: string, max: number = LIMITS.sectionText): Mrkdwn => ({
  type: 'mrkdwn',
  text: truncate(text, max),
});

export const header = (text: string): Block => ({ type: 'header', text: plain(text, LIMITS.headerText) });

export const section = (text: string, accessory?: types.SectionBlockAccessory, blockId?: string): Block => ({
  type: 'section',
  text: md(text),
  ...(accessory ? { accessory } : {}),
  ...(blockId ? { block_id: blockId } : {}),
});

export const fields = (items: readonly string[]): Block => ({
  type: 'section',
  fields: items.slice(0, 10).map((t) => md(t, 2000)),
});

export const context = (items: readonly string[]): Block => ({
  type: 'context',
  elements: items.slice(0, LIMITS.contextElements).map((t) => md(t, 2000)),
});

export const divider = (): Block => ({ type: 'divider' });

export const button = (
  text: string,
  actionId: string,
  value: string,
  style?: 'primary' | 'danger',
  confirm?: types.ConfirmationDialog,
): Button => {
  if (value.length > LIMITS.buttonValue)
    throw new Error(`button value for ${actionId} is over ${LIMITS.buttonValue} chars`);
  return {
    type: 'button',
    text: plain(text, LIMITS.buttonText),
    action_id: actionId,
    value,
    ...(style ? { style } : {}),
    ...(confirm ? { confirm } : {}),
  };
};

export const actions = (elements: readonly types.ActionsBlockElement[], blockId?: string): Block[] => {
  const out: Block[] = [];
  for (let i = 0; i < elements.length; i += LIMITS.actionsElements) {
    out.push({
      type: 'actions',
      elements: elements.slice(i, i + LIMITS.actionsElements),
      ...(blockId ? { block_id: i === 0 ? blockId : `${blockId}_${i}` } : {}),
    });
  }
  return out;
};

/** The characters of every text object in `blocks`: what Slack's `msg_blocks_too_long` limit counts. */
export const blockTextLength = (blocks: unknown): number => {
  if (Array.isArray(blocks)) return blocks.reduce((sum: number, b: unknown) => sum + blockTextLength(b), 0);
  if (typeof blocks !== 'object' || blocks === null) return 0;
  const own =
    'type' in blocks &&
    (blocks.type === 'plain_text' || blocks.type === 'mrkdwn') &&
    'text' in blocks &&
    typeof blocks.text === 'string'
      ? blocks.text.length
      : 0;
  return own + Object.values(blocks).reduce((sum: number, v: unknown) => sum + blockTextLength(v), 0);
};

/** Room kept for the "…and N more" note when a message is cut. */
const NOTE_ROOM = 40;

/**
 * A message never exceeds Slack's block limit nor LIMITS.blockTextPerMessage of block text: the blocks that do not
 * fit are replaced by a note saying how many were left out.
 */
export const capBlocks = (
  blocks: readonly Block[],
  max: number = LIMITS.blocksPerMessage,
  textBudget: number = LIMITS.blockTextPerMessage,
): Block[] => {
  if (blocks.length <= max && blockTextLength(blocks) <= textBudget) return [...blocks];
  const kept: Block[] = [];
  let size = 0;
  for (const block of blocks) {
    const cost = blockTextLength(block);
    if (kept.length >= max - 1 || size + cost > textBudget - NOTE_ROOM) break;
    kept.push(block);
    size += cost;
  }
  return [...kept, context([`…and ${blocks.length - kept.length} more`])];
};

/** The leading whole items (each a group of blocks) that together carry at most `budget` characters of text. */
export const itemsWithin = (items: readonly (readonly Block[])[], budget: number): Block[][] => {
  const kept: Block[][] = [];
  let size = 0;
  for (const item of items) {
    size += blockTextLength(item);
    if (size > budget) break;
    kept.push([...item]);
  }
  return kept;
};

/** Slack date formatting, with a fallback text for clients that cannot render it. */
export const slackDate = (iso: string | null | undefined): string => {
  if (!iso) return 'never';
  const seconds = Math.floor(Date.parse(iso) / 1000);
  if (!Number.isFinite(seconds)) return safe(iso);
  return `<!date^${seconds}^{date_short_pretty} {time}|${escapeText(iso)}>`;
};
