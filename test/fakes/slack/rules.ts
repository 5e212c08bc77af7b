/**
 * Slack's refusals that depend on more than the blocks: where a call posts (channels.ts), which trigger_id opens a
 * view (interactions.ts), how much text a message carries (block-checks.ts), who a DM is opened with.
 */
import { blocksTooLong } from './block-checks.js';
import type { Conversations } from './conversations.js';
import type { Directory } from './directory.js';
import type { Interactions } from './interactions.js';
import type { Json } from './recorder.js';

export interface RuleContext {
  readonly conversations: Conversations;
  readonly interactions: Interactions;
  readonly directory: Directory;
  /** Cumulative block text a message may carry (default 12,000). */
  readonly blockTextLimit: number;
  readonly at: number;
}

const POSTING = new Set(['chat.postMessage', 'chat.postEphemeral', 'chat.update', 'chat.delete']);
const MESSAGES = new Set(['chat.postMessage', 'chat.postEphemeral', 'chat.update']);
const OPENING_VIEWS = new Set(['views.open', 'views.push']);

const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

/** The trigger a views.open / views.push call uses (`trigger_id`, or the newer `interactivity_pointer`). */
export const triggerOf = (args: Json): string | undefined =>
  str(args.trigger_id) ?? str(args.interactivity_pointer);

/** Slack's error code for this call, or undefined when these rules let it through to the method. */
export const ruleRefusal = (method: string, args: Json, ctx: RuleContext): string | undefined => {
  const channel = str(args.channel);
  if (POSTING.has(method) && channel) {
    const refused = ctx.conversations.refusal(channel, 'post');
    if (refused) return refused;
  }
  if (method === 'chat.getPermalink' && channel) {
    const refused = ctx.conversations.refusal(channel, 'read');
    if (refused) return refused;
  }
  if (MESSAGES.has(method) && blocksTooLong(args.blocks, ctx.blockTextLimit)) return 'msg_blocks_too_long';
  if (OPENING_VIEWS.has(method)) {
    const trigger = triggerOf(args);
    if (trigger) return ctx.interactions.triggerRefusal(trigger, ctx.at);
  }
  if (method === 'conversations.open' && !str(args.channel)) {
    const users = (str(args.users) ?? '').split(',').filter((u) => u !== '');
    if (users.some((u) => ctx.directory.user(u) === undefined)) return 'user_not_found';
  }
  return undefined;
};
