/**
 * Everything Slack keeps for the bot and hands back later: button values and modal `private_metadata`. Messages
 * already in Slack (cards, confirmations, pending approvals) outlive every deploy, so each value has exactly one
 * codec here (zod schema, encode, decode, size limit) and nothing else builds or parses one.
 *
 * Change a schema only in ways that still decode what is already posted: add optional fields, never rename or
 * remove one. test/unit/blocks/payloads.test.ts decodes samples saved from earlier cards and fails otherwise.
 */
import { z } from 'zod';
import type { ActionKey } from '../actions/keys.js';
import { confirmationIdSchema } from '../confirmations/record.js';
import { AppError } from '../errors.js';
import { secretIdSchema } from '../secrets/store.js';
import { ActionIds, START_ACTION_PATTERN, startActionId } from './ids.js';
import { type Button, button, LIMITS } from './primitives.js';

export interface Codec<T> {
  /** Names the value in tests and logs. */
  readonly name: string;
  /** Slack's limit for where the value goes (2000 for a button value, 3000 for private_metadata). */
  readonly limit: number;
  readonly schema: z.ZodType<T>;
  /** Text for Slack. Over the limit: an AppError with a kind message for the person. */
  encode(value: T): string;
  /** Text for Slack, or undefined over the limit (the caller leaves the button out or says so). */
  tryEncode(value: T): string | undefined;
  /** The value Slack handed back. Anything else: an AppError('input.invalid') with the `stale` message. */
  decode(text: string | undefined): T;
  /** The value Slack handed back, or undefined. */
  safeDecode(text: string | undefined): T | undefined;
  /** What to tell a person whose value cannot be decoded (an old or altered message). */
  readonly stale: string;
}

interface CodecOptions {
  readonly name: string;
  readonly limit: number;
  /** Shown when a value cannot be decoded (an old or altered message). */
  readonly stale: string;
  /** Shown when a value would not fit. */
  readonly tooLarge?: string;
}

const makeCodec = <T>(
  schema: z.ZodType<T>,
  options: CodecOptions,
  toText: (value: T) => string,
  fromText: (text: string) => unknown,
): Codec<T> => {
  const safeDecode = (text: string | undefined): T | undefined => {
    try {
      const parsed = schema.safeParse(fromText(text ?? ''));
      return parsed.success ? parsed.data : undefined;
    } catch {
      return undefined;
    }
  };
  const tryEncode = (value: T): string | undefined => {
    const text = toText(schema.parse(value));
    return text.length <= options.limit ? text : undefined;
  };
  return {
    name: options.name,
    limit: options.limit,
    stale: options.stale,
    schema,
    tryEncode,
    safeDecode,
    encode(value) {
      const text = tryEncode(value);
      if (text === undefined)
        throw new AppError('input.invalid', options.tooLarge ?? 'That is too large to carry on a button.');
      return text;
    },
    decode(text) {
      const value = safeDecode(text);
      if (value === undefined) throw new AppError('input.invalid', options.stale);
      return value;
    },
  };
};

/** A JSON object value. */
const jsonCodec = <T>(schema: z.ZodType<T>, options: CodecOptions): Codec<T> =>
  makeCodec(
    schema,
    options,
    (v) => JSON.stringify(v),
    (t) => JSON.parse(t),
  );

/** A plain string value (an ID), sent as it is. */
const textCodec = <T extends string>(schema: z.ZodType<T>, options: CodecOptions): Codec<T> =>
  makeCodec(
    schema,
    options,
    (v) => v,
    (t) => t,
  );

const BUTTON = LIMITS.buttonValue;
const METADATA = LIMITS.privateMetadata;
const actionKey = z.string().min(1).max(64);

/** Start an action: its key, the target user (node ID) and preset input (e.g. `{ sessionId }` from a list row). */
export const startActionValue = jsonCodec(
  z.object({
    k: actionKey,
    u: z.string().max(200).optional(),
    a: z.record(z.string(), z.unknown()).optional(),
  }),
  { name: 'start_action', limit: BUTTON, stale: 'That button is no longer valid. Start again.' },
);
export type StartActionValue = z.output<typeof startActionValue.schema>;

/**
 * Confirm: only the ID of the confirmation stored when it was shown (confirmations/record.ts). The action, its input,
 * the target and who may confirm come from that record, never from the button.
 */
export const confirmationIdValue = textCodec(confirmationIdSchema, {
  name: 'confirmation_id',
  limit: BUTTON,
  stale: 'That button is no longer valid. Start the action again.',
});

/**
 * What Confirm buttons carried before confirmations were stored: the action key and its input. Kept only so such a
 * button is recognised and refused kindly ("start again"); nothing is ever run from it.
 */
export const confirmValue = jsonCodec(
  z.object({ v: z.literal(1), k: actionKey, i: z.record(z.string(), z.unknown()) }),
  {
    name: 'confirm_action',
    limit: BUTTON,
    stale: 'That button is no longer valid. Start the action again.',
    tooLarge: 'That change is too large for one confirmation; split it into smaller edits.',
  },
);
export type ConfirmValue = z.output<typeof confirmValue.schema>;

/**
 * Cancel on a confirmation: the stored confirmation's ID, which Cancel voids. Cards from before carry the fixed
 * `cancel` (nothing to void: they only say cancelled).
 */
export const cancelValue = textCodec(z.union([z.literal('cancel'), confirmationIdSchema]), {
  name: 'cancel_action',
  limit: BUTTON,
  stale: 'That button is no longer valid.',
});

/** "View" on a search result or picker row: the user's node ID. */
export const showUserValue = textCodec(z.string().min(1).max(200), {
  name: 'show_user',
  limit: BUTTON,
  stale: 'That button is no longer valid. Search again.',
});

/** "Next page" on search results: the keyword and the cursor. */
export const searchPageValue = jsonCodec(
  z.object({ q: z.string().min(1).max(200), after: z.string().min(1).max(1000) }),
  { name: 'search_page', limit: BUTTON, stale: 'That page button is no longer valid. Search again.' },
);
export type SearchPageValue = z.output<typeof searchPageValue.schema>;

/**
 * "Next" on a list (groups, roles, API resources, fraud decisions), "More members" on a group or role card, and
 * "View" on a resource row: the read verb and its slash arguments, the cursor included (`--after <cursor>`). Any
 * verb here is run through runQuery, so its right is checked again at the click.
 */
export const accessPageValue = jsonCodec(
  z.object({
    v: z.enum(['groups', 'roles', 'group', 'role', 'resources', 'resource', 'fraud']),
    a: z.array(z.string().max(500)).max(30),
  }),
  { name: 'access_page', limit: BUTTON, stale: 'That page button is no longer valid. List again.' },
);
export type AccessPageValue = z.output<typeof accessPageValue.schema>;

/** Approve, Approve with comment, Reject and Cancel request on an approval card or list: the approval ID. */
export const approvalIdValue = textCodec(z.string().regex(/^[A-Za-z0-9_-]{1,64}$/), {
  name: 'approval_id',
  limit: BUTTON,
  stale: 'That approval button is no longer valid. Open the request again.',
});

/** Reveal on the DM that delivers a secret after an approval: the sealed secret's ID (secrets/store.ts). */
export const secretIdValue = textCodec(secretIdSchema, {
  name: 'secret_id',
  limit: BUTTON,
  stale: 'That Reveal button is no longer valid.',
});

/**
 * An action's form: which action, on whom (`u`, a node ID; or `w`, the target as typed, for a person who may not
 * see users), where to answer (`r`, the response URL, issued at `t` ms: past Slack's 30 minutes the answer goes by
 * DM) and the channel it started in.
 */
export const actionFormMetadata = jsonCodec(
  z.object({
    k: actionKey,
    u: z.string().max(200).optional(),
    w: z.string().max(400).optional(),
    r: z.string().url().max(2000).optional(),
    t: z.number().int().positive().optional(),
    c: z.string().max(40).optional(),
  }),
  { name: 'action_modal', limit: METADATA, stale: 'That form is no longer valid. Start the action again.' },
);
export type ActionFormMetadata = z.output<typeof actionFormMetadata.schema>;

/**
 * The Reject / Approve-with-comment form: the approval, where the click was (`channelId`, from forms opened before
 * answers went through response URLs), the click's response URL `r` issued at `t` ms (the outcome is told there),
 * and whether it was the Home tab.
 */
export const decisionFormMetadata = jsonCodec(
  z.object({
    id: z.string(),
    channelId: z.string().optional(),
    r: z.string().url().max(2000).optional(),
    t: z.number().int().positive().optional(),
    /** Opened from the App Home tab: redraw it after the decision. */
    home: z.boolean().optional(),
  }),
  { name: 'decision_modal', limit: METADATA, stale: 'This form is out of date. Open the request again.' },
);
export type DecisionFormMetadata = z.output<typeof decisionFormMetadata.schema>;

/** The codec of each button's value, by action ID (start buttons carry `start_action:<key>`). */
export const buttonCodec = (actionId: string): Codec<unknown> | undefined => {
  if (START_ACTION_PATTERN.test(actionId)) return startActionValue;
  switch (actionId) {
    case ActionIds.confirmAction:
      return confirmationIdValue;
    case ActionIds.cancelAction:
      return cancelValue;
    case ActionIds.showUser:
      return showUserValue;
    case ActionIds.searchPage:
      return searchPageValue;
    case ActionIds.accessPage:
      return accessPageValue;
    case ActionIds.approve:
    case ActionIds.approveWithComment:
    case ActionIds.reject:
    case ActionIds.cancelRequest:
      return approvalIdValue;
    case ActionIds.revealSecret:
      return secretIdValue;
    default:
      return undefined;
  }
};

/** Every codec, by name. */
export const PAYLOAD_CODECS: Readonly<Record<string, Codec<unknown>>> = Object.fromEntries(
  [
    startActionValue,
    confirmationIdValue,
    confirmValue,
    cancelValue,
    showUserValue,
    searchPageValue,
    accessPageValue,
    approvalIdValue,
    secretIdValue,
    actionFormMetadata,
    decisionFormMetadata,
  ].map((c): [string, Codec<unknown>] => [c.name, c]),
);

/**
 * The button that starts action `key` (on a card, a picker or a list row), or undefined when its value would not
 * fit on a button.
 */
export const startButton = (
  label: string,
  key: ActionKey,
  value: Omit<StartActionValue, 'k'>,
  style?: 'primary' | 'danger',
): Button | undefined => {
  const text = startActionValue.tryEncode({ k: key, ...value });
  return text === undefined ? undefined : button(label, startActionId(key), text, style);
};
