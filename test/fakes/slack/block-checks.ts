/** Which Block Kit check applies to which Web API call, and how Slack answers a violation. */
import {
  blockTextLength,
  checkHomeView,
  checkMessageBlocks,
  checkModal,
  checkView,
} from '../../support/block-kit.js';
import type { BlockKitViolation, Json } from './recorder.js';

export type BlockCheckResult = Pick<BlockKitViolation, 'surface' | 'errors'>;

const MESSAGE_METHODS = new Set(['chat.postMessage', 'chat.postEphemeral', 'chat.update']);

const surfaceOf = (view: unknown): 'modal' | 'home' =>
  typeof view === 'object' && view !== null && 'type' in view && view.type === 'home' ? 'home' : 'modal';

/** Block Kit problems in a Web API call's arguments, or undefined when nothing is wrong or nothing applies. */
export const checkCallBlocks = (method: string, args: Json): BlockCheckResult | undefined => {
  let result: BlockCheckResult | undefined;
  if (MESSAGE_METHODS.has(method) && args.blocks !== undefined) {
    result = { surface: 'message', errors: checkMessageBlocks(args.blocks) };
  } else if ((method === 'views.open' || method === 'views.push') && args.view !== undefined) {
    result = { surface: 'modal', errors: checkModal(args.view) };
  } else if (method === 'views.update' && args.view !== undefined) {
    result = { surface: surfaceOf(args.view), errors: checkView(args.view) };
  } else if (method === 'views.publish' && args.view !== undefined) {
    result = { surface: 'home', errors: checkHomeView(args.view) };
  }
  return result && result.errors.length > 0 ? result : undefined;
};

/** Block Kit problems in a response_url body (a message). */
export const checkResponseBlocks = (body: Json): BlockCheckResult | undefined => {
  if (body.blocks === undefined) return undefined;
  const errors = checkMessageBlocks(body.blocks);
  return errors.length > 0 ? { surface: 'message', errors } : undefined;
};

/** Whether a message's blocks carry more text than Slack takes (`msg_blocks_too_long`). */
export const blocksTooLong = (blocks: unknown, limit: number): boolean =>
  blocks !== undefined && blockTextLength(blocks) > limit;

/** Slack's answer to a call with invalid blocks. */
export const invalidBlocksResponse = (errors: string[]): Json => ({
  ok: false,
  error: 'invalid_blocks',
  errors,
  response_metadata: { messages: errors.map((e) => `[ERROR] ${e}`) },
});
