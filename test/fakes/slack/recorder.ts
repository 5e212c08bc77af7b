/**
 * What the Slack fake saw: every Web API call, every response_url post Slack accepted, every Block Kit violation,
 * and every refused call (refusals.ts).
 */
import type { Refusal } from './refusals.js';

export type Json = Record<string, unknown>;

export interface RecordedCall {
  /** Web API method, e.g. `chat.postMessage`. */
  method: string;
  /** Parsed arguments; `blocks`, `view`, `attachments`, `metadata` are objects, not JSON strings. */
  args: Json;
  /** Bearer token (or body `token`) the call carried; '' when none. */
  token: string;
  /** Fake clock (ms) when the call arrived. */
  at: number;
  /** HTTP status the fake answered (200, or 429 when rate limited). */
  status: number;
  /** The JSON body the fake answered. */
  response: Json;
  /** `response.ok`. */
  ok: boolean;
}

export interface RecordedResponse {
  /** The id in `/response/<id>`. */
  id: string;
  /** The JSON body posted (text, blocks, response_type, replace_original, delete_original...). */
  body: Json;
  at: number;
}

export interface BlockKitViolation {
  /** Web API method, or `response_url`. */
  method: string;
  surface: 'message' | 'modal' | 'home';
  errors: string[];
  /** The offending call's arguments (or response_url body). */
  args: Json;
  /** For `response_url` violations: the id in `/response/<id>`. */
  responseId?: string;
  at: number;
}

/** What a listener hears: each call or response_url post, once it has been answered. */
export type RecordedEvent =
  | { readonly kind: 'call'; readonly call: RecordedCall }
  | { readonly kind: 'response'; readonly response: RecordedResponse };

export interface Recorder {
  /** Every Web API call, accepted or refused, in arrival order. */
  readonly calls: RecordedCall[];
  /** response_url posts Slack accepted (refused posts are only in `refusals`). */
  readonly responses: RecordedResponse[];
  readonly violations: BlockKitViolation[];
  /** Every call Slack refused (Web API `ok: false` or 429, response_url 4xx), in arrival order. */
  readonly refusals: Refusal[];
  /** All calls to `method`, accepted or not, in arrival order. */
  callsTo(method: string): RecordedCall[];
  /**
   * Accepted chat.postMessage and chat.update calls whose `channel` argument, or the channel Slack answered
   * with (a user ID posts to the DM channel), equals `channel`.
   */
  messagesIn(channel: string): RecordedCall[];
  /** Accepted chat.postEphemeral calls to `user`. */
  ephemeralsTo(user: string): RecordedCall[];
  /** Accepted response_url posts to `/response/<id>`. */
  responsesTo(id: string): RecordedResponse[];
  /** Forget calls, responses and violations (seeds and armed faults are handled by the fake's clear()). */
  clear(): void;
  /** Keeps `call` (used by the server) and tells the listeners. */
  recordCall(call: RecordedCall): void;
  /** Keeps `response` (used by the server) and tells the listeners. */
  recordResponse(response: RecordedResponse): void;
  /** Calls `listener` after each recorded call or response (the demo's live page); returns an unsubscribe. */
  subscribe(listener: (event: RecordedEvent) => void): () => void;
}

const MESSAGE_METHODS = new Set(['chat.postMessage', 'chat.update']);

export const createRecorder = (refusals: Refusal[]): Recorder => {
  const calls: RecordedCall[] = [];
  const responses: RecordedResponse[] = [];
  const violations: BlockKitViolation[] = [];
  const listeners = new Set<(event: RecordedEvent) => void>();
  const tell = (event: RecordedEvent) => {
    for (const listener of listeners) listener(event);
  };
  return {
    calls,
    responses,
    violations,
    refusals,
    callsTo: (method) => calls.filter((c) => c.method === method),
    messagesIn: (channel) =>
      calls.filter(
        (c) =>
          c.ok &&
          MESSAGE_METHODS.has(c.method) &&
          (c.args.channel === channel || c.response.channel === channel),
      ),
    ephemeralsTo: (user) =>
      calls.filter((c) => c.ok && c.method === 'chat.postEphemeral' && c.args.user === user),
    responsesTo: (id) => responses.filter((r) => r.id === id),
    clear: () => {
      calls.length = 0;
      responses.length = 0;
      violations.length = 0;
    },
    recordCall: (call) => {
      calls.push(call);
      tell({ kind: 'call', call });
    },
    recordResponse: (response) => {
      responses.push(response);
      tell({ kind: 'response', response });
    },
    subscribe: (listener) => {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
};
