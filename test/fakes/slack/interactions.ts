/**
 * What Slack hands the app with each interaction, and how long it lasts (RULES.md "Time limits"):
 * - a `response_url` takes at most 5 posts within 30 minutes; after that Slack answers 404 `used_url` or
 *   `expired_url`. A URL Slack never issued answers 404 `no_service` (as an unknown webhook does).
 * - a `trigger_id` opens one view, within about 3 seconds: `exchanged_trigger_id` when used again,
 *   `expired_trigger_id` when old, `invalid_trigger_id` when Slack never issued it.
 * - a `response_url` acts on the message the interaction came from: `replace_original` / `delete_original` replace
 *   or delete that message; when it is a stored (non-ephemeral) message, Slack keeps the replacement (history,
 *   search, exports). Source: Slack's "Handling user interaction" docs, "Modifying the source message".
 * The request driver asks the fake for both, so the fake (not the bot, not the test) judges each use.
 */
import { randomBytes } from 'node:crypto';

export const RESPONSE_URL_MAX_POSTS = 5;
export const RESPONSE_URL_TTL_MS = 30 * 60_000;
export const TRIGGER_TTL_MS = 3000;

export interface InteractionLimits {
  /** Time to live of a response_url (default 30 minutes). */
  readonly responseUrlTtlMs?: number;
  /** Time to live of a trigger_id (default 3 s). */
  readonly triggerTtlMs?: number;
}

/** The stored (non-ephemeral) message an interaction came from. */
export interface MessageSource {
  readonly channel: string;
  readonly ts: string;
}

export interface Interactions {
  /** Registers (or re-registers) response URL `id` as issued now, for an interaction on `source` (if stored). */
  issueResponseUrl(id: string, at: number, source?: MessageSource): void;
  /** The stored message response URL `id` came from; undefined for an ephemeral message, a command or a view. */
  sourceOf(id: string): MessageSource | undefined;
  /** Slack's refusal of a post to response URL `id` now, or undefined when it may be accepted. */
  responseUrlRefusal(id: string, at: number): { status: number; error: string } | undefined;
  /** Counts an accepted post. */
  usedResponseUrl(id: string): void;
  /** A fresh trigger_id, issued now. */
  issueTriggerId(at: number, teamId: string): string;
  /** Slack's refusal of `trigger_id` now, or undefined when it may open a view. */
  triggerRefusal(triggerId: string, at: number): string | undefined;
  /** Marks a trigger_id used (a view was opened with it). */
  exchangeTrigger(triggerId: string): void;
}

export const createInteractions = (limits: InteractionLimits = {}): Interactions => {
  const responseUrlTtl = limits.responseUrlTtlMs ?? RESPONSE_URL_TTL_MS;
  const triggerTtl = limits.triggerTtlMs ?? TRIGGER_TTL_MS;
  const responseUrls = new Map<string, { issuedAt: number; posts: number; source?: MessageSource }>();
  const triggers = new Map<string, { issuedAt: number; used: boolean }>();
  let seq = 0;
  return {
    issueResponseUrl: (id, at, source) => {
      responseUrls.set(id, { issuedAt: at, posts: 0, ...(source ? { source } : {}) });
    },
    sourceOf: (id) => responseUrls.get(id)?.source,
    responseUrlRefusal: (id, at) => {
      const url = responseUrls.get(id);
      if (!url) return { status: 404, error: 'no_service' };
      if (at - url.issuedAt > responseUrlTtl) return { status: 404, error: 'expired_url' };
      if (url.posts >= RESPONSE_URL_MAX_POSTS) return { status: 404, error: 'used_url' };
      return undefined;
    },
    usedResponseUrl: (id) => {
      const url = responseUrls.get(id);
      if (url) url.posts += 1;
    },
    issueTriggerId: (at, teamId) => {
      const id = `${Math.floor(at / 1000)}${++seq}.${teamId}.${randomBytes(16).toString('hex')}`;
      triggers.set(id, { issuedAt: at, used: false });
      return id;
    },
    triggerRefusal: (triggerId, at) => {
      const trigger = triggers.get(triggerId);
      if (!trigger) return 'invalid_trigger_id';
      if (trigger.used) return 'exchanged_trigger_id';
      if (at - trigger.issuedAt > triggerTtl) return 'expired_trigger_id';
      return undefined;
    },
    exchangeTrigger: (triggerId) => {
      const trigger = triggers.get(triggerId);
      if (trigger) trigger.used = true;
    },
  };
};
