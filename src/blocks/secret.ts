/**
 * Views for secrets delivered after an approval. The DM never carries the secret: it carries a Reveal button, and
 * the secret appears only in a modal (Slack keeps no modal, while a DM stays in history, search and exports).
 */
import type { ReplyMessage } from '../slack/reply.js';
import { ActionIds, BlockIds, CallbackIds } from './ids.js';
import {
  type Block,
  button,
  context,
  escapeText,
  type ModalView,
  plain,
  safe,
  section,
} from './primitives.js';

const whenUtc = (at: Date): string => `${at.toISOString().slice(11, 16)} UTC`;

/** The requester's DM: done, and a Reveal button valid once until `until`. */
export const secretReadyMessage = (
  message: string,
  label: string,
  until: Date,
  revealValue: string,
  extra: readonly Block[] = [],
): ReplyMessage => ({
  text: `Approved and done: ${message} Your ${label.toLowerCase()} is ready to reveal until ${whenUtc(until)}.`,
  blocks: [
    section(`:white_check_mark: Approved and done: ${message}`),
    ...extra,
    section(
      `Your *${safe(label, 100)}* is ready. Reveal it once, before *${whenUtc(until)}*; it is shown in a window Slack does not keep, and never in this conversation.`,
    ),
    {
      type: 'actions',
      block_id: BlockIds.reveal,
      elements: [
        button(`Reveal ${label.toLowerCase()}`.slice(0, 75), ActionIds.revealSecret, revealValue, 'primary'),
      ],
    },
  ],
});

/** The DM once revealed (or found gone): no button left. */
export const secretDoneMessage = (note: string): ReplyMessage => ({
  text: note,
  blocks: [context([`:lock: ${note}`])],
  replaceOriginal: true,
});

const modal = (title: string, blocks: Block[]): ModalView => ({
  type: 'modal',
  callback_id: CallbackIds.secretModal,
  title: plain(title, 24),
  close: plain('Done', 24),
  blocks,
});

/** Opened at once on the click (the trigger lasts about 3 s), then replaced by the secret or a notice. */
export const secretLoadingModal = (): ModalView =>
  modal('Secret', [context([':hourglass_flowing_sand: Opening…'])]);

/** The secret itself: only ever rendered here. */
export const secretModal = (label: string, value: string): ModalView =>
  modal(label, [
    section(`*${safe(label, 100)}:* \`${escapeText(value)}\``),
    context(['Shown once. Copy it now: closing this window removes it, and it cannot be shown again.']),
  ]);

export const secretNoticeModal = (text: string): ModalView => modal('Secret', [section(safe(text, 1000))]);
