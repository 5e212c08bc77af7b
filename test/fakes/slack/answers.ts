/**
 * How Slack answers a Web API call or a response_url post, in Slack's order: token → armed fault (rate limits
 * first) → unknown method → blocks → where it posts, trigger, text length (rules.ts) → per-channel rate → the method.
 */
import {
  blocksTooLong,
  checkCallBlocks,
  checkResponseBlocks,
  invalidBlocksResponse,
} from './block-checks.js';
import type { Conversations } from './conversations.js';
import type { Directory } from './directory.js';
import type { Fault, Faults } from './faults.js';
import type { Interactions } from './interactions.js';
import { type MethodContext, methodHandlers } from './methods.js';
import type { BlockKitViolation, Json } from './recorder.js';
import { ruleRefusal, triggerOf } from './rules.js';

export interface Answer {
  status: number;
  body: Json;
  headers?: Record<string, string>;
}

export interface AnswerDeps {
  readonly requiredToken: string | undefined;
  readonly faults: Faults;
  readonly conversations: Conversations;
  readonly interactions: Interactions;
  readonly directory: Directory;
  readonly blockTextLimit: number;
  readonly ctx: MethodContext;
  readonly onViolation: (violation: BlockKitViolation) => void;
  /** Socket Mode's apps.connections.open, which takes the app-level token rather than the bot token. */
  readonly openSocket: (appToken: string) => Json;
}

const refusedAnswer = (error: string): Answer => ({ status: 200, body: { ok: false, error } });

const faultAnswer = (fault: Fault): Answer =>
  fault.kind === 'ratelimited'
    ? {
        status: 429,
        body: { ok: false, error: 'ratelimited' },
        headers: { 'Retry-After': String(fault.retryAfterSeconds) },
      }
    : { status: 200, body: { ok: false, error: fault.error } };

export const createAnswers = (deps: AnswerDeps) => {
  const { faults, interactions, blockTextLimit } = deps;
  return {
    /** Slack's answer to a Web API call; `armed` when a fault the test armed answered it. */
    api(method: string, args: Json, token: string, at: number): Answer & { armed?: true } {
      if (token === '') return refusedAnswer('not_authed');
      // The app-level token (xapp-…), not the bot token, opens Socket Mode connections.
      if (method === 'apps.connections.open') return { status: 200, body: deps.openSocket(token) };
      if (deps.requiredToken !== undefined && token !== deps.requiredToken)
        return refusedAnswer('invalid_auth');
      const fault = faults.take(method);
      if (fault) return { ...faultAnswer(fault), armed: true };
      // Slack's gateway counts a method's tier before the method runs.
      const tier = faults.checkMethodRate(method, at);
      if (tier) return faultAnswer(tier);
      const handler = methodHandlers[method];
      if (!handler) return refusedAnswer('unknown_method');
      const blockProblems = checkCallBlocks(method, args);
      if (blockProblems) {
        deps.onViolation({ method, ...blockProblems, args, at });
        return { status: 200, body: invalidBlocksResponse(blockProblems.errors) };
      }
      const refused = ruleRefusal(method, args, { ...deps, at });
      if (refused) return refusedAnswer(refused);
      if (method === 'chat.postMessage' && typeof args.channel === 'string') {
        const limited = faults.checkChannelRate(args.channel, at);
        if (limited) return faultAnswer(limited);
      }
      const body = handler(args, deps.ctx);
      const trigger = triggerOf(args);
      if (body.ok === true && trigger && (method === 'views.open' || method === 'views.push'))
        interactions.exchangeTrigger(trigger);
      return { status: 200, body };
    },

    /** Slack's answer to a response_url post: an unknown, expired or used URL first, then the blocks. */
    responseUrl(id: string, body: Json, at: number): Answer {
      const refused = interactions.responseUrlRefusal(id, at);
      if (refused) return { status: refused.status, body: { ok: false, error: refused.error } };
      const problems = checkResponseBlocks(body);
      if (problems) {
        deps.onViolation({ method: 'response_url', ...problems, args: body, responseId: id, at });
        return { status: 400, body: invalidBlocksResponse(problems.errors) };
      }
      if (blocksTooLong(body.blocks, blockTextLimit))
        return { status: 400, body: { ok: false, error: 'msg_blocks_too_long' } };
      return { status: 200, body: { ok: true } };
    },
  };
};
