import type { Confirmation } from '../actions/types.js';
import type { ReplyMessage } from '../slack/reply.js';
import { ActionIds, BlockIds } from './ids.js';
import { type Block, button, context, escapeText, safe, section } from './primitives.js';

/** A kind error for the person who acted. `userMessage` is ours (trusted); details never reach the view. */
export const errorMessage = (userMessage: string, referenceId?: string): ReplyMessage => ({
  text: userMessage,
  blocks: [
    section(`:warning: ${userMessage}`),
    ...(referenceId ? [context([`Reference: \`${referenceId}\``])] : []),
  ],
});

export const infoMessage = (text: string, replaceOriginal = false): ReplyMessage => ({
  text,
  blocks: [section(text)],
  replaceOriginal,
});

export const workingMessage = (what: string): ReplyMessage => ({
  text: `${what}…`,
  blocks: [context([`:hourglass_flowing_sand: ${what}…`])],
  replaceOriginal: true,
});

/** The Block Kit confirmation every mutating action shows first: target, consequences, Confirm / Cancel. */
export const confirmationMessage = (
  c: Confirmation,
  /** The Confirm and Cancel buttons' values, encoded by their codecs (payloads.ts). */
  values: { readonly confirm: string; readonly cancel: string },
  extra: readonly string[] = [],
): ReplyMessage => {
  const blocks: Block[] = [
    section(`*${safe(c.title, 150)}*\nTarget: ${c.target}`),
    ...(c.consequences.length > 0 ? [section(c.consequences.map((line) => `• ${line}`).join('\n'))] : []),
    ...extra.map((line) => context([line])),
    {
      type: 'actions',
      block_id: BlockIds.confirm,
      elements: [
        button(c.confirmLabel, ActionIds.confirmAction, values.confirm, c.danger ? 'danger' : 'primary'),
        button('Cancel', ActionIds.cancelAction, values.cancel),
      ],
    },
  ];
  return { text: `${c.title}: please confirm`, blocks };
};

/** A result for the requester only. The secret, if any, is rendered here and nowhere else. */
export const resultMessage = (
  message: string,
  secret?: { readonly label: string; readonly value: string },
  blocks: readonly Block[] = [],
): ReplyMessage => ({
  text: message,
  blocks: [
    section(`:white_check_mark: ${message}`),
    ...blocks,
    ...(secret
      ? [
          section(`*${safe(secret.label, 100)}:* \`${escapeText(secret.value)}\``),
          context(['Only you can see this: Slack does not keep this message. It is shown once.']),
        ]
      : []),
  ],
  replaceOriginal: true,
  // A secret goes only where Slack does not keep it (this ephemeral answer), never into a DM, and never replaces a
  // message Slack keeps: there the stored version (without the secret) replaces it instead.
  ...(secret
    ? {
        ephemeralOnly: true,
        storedVersion: {
          text: message,
          blocks: [
            section(`:white_check_mark: ${message}`),
            ...blocks,
            context([
              `The ${escapeText(secret.label.toLowerCase())} was shown to you only, in a separate message Slack does not keep.`,
            ]),
          ],
        },
      }
    : {}),
});

export type { Block };
