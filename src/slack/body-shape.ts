/**
 * The least an HTTP request body must be before Bolt sees it. Bolt's receiver reads `body.ssl_check` on whatever
 * `payload=` parses to, so a signed `payload=null` threw outside every handler and stopped the process; other shapes
 * (`payload=[]`, `actions: null`, a payload with no user) reach listeners that expect Slack's shapes. Pure: text in,
 * a reason out.
 */
import { z } from 'zod';

const FORM = 'application/x-www-form-urlencoded';

const id = z.string().min(1).max(64);
const user = z.object({ id });

/** What the bot's listeners read from each interaction type (Slack sends more; these must be there). */
const interactionShapes: Readonly<Record<string, z.ZodType>> = {
  block_actions: z.object({
    user,
    actions: z
      .array(z.object({ action_id: z.string().min(1).max(255) }))
      .min(1)
      .max(25),
  }),
  view_submission: z.object({
    user,
    view: z.object({
      callback_id: z.string().max(255),
      state: z.object({ values: z.record(z.string(), z.unknown()) }),
    }),
  }),
  view_closed: z.object({ user, view: z.object({ callback_id: z.string().max(255) }) }),
  shortcut: z.object({ user, callback_id: z.string().max(255), trigger_id: z.string().min(1) }),
  message_action: z.object({
    user,
    callback_id: z.string().max(255),
    trigger_id: z.string().min(1),
    channel: z.object({ id }),
    message: z.object({}).loose(),
  }),
};

const eventEnvelope = z.object({ event: z.object({ type: z.string().min(1) }).loose() });
const urlVerification = z.object({ challenge: z.string() });
const slashCommand = z.object({ command: z.string().min(1), user_id: id, text: z.string().optional() });

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const parseJson = (text: string): { ok: true; value: unknown } | { ok: false } => {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
};

const checkInteraction = (value: unknown): string | undefined => {
  if (!isPlainObject(value)) return 'payload is not a JSON object';
  if (typeof value.type !== 'string') return 'payload has no type';
  const shape = interactionShapes[value.type];
  if (shape && !shape.safeParse(value).success) return `${value.type} payload is missing fields`;
  return undefined;
};

const checkJsonBody = (value: unknown): string | undefined => {
  if (!isPlainObject(value)) return 'body is not a JSON object';
  if (value.type === 'url_verification')
    return urlVerification.safeParse(value).success ? undefined : 'url_verification without challenge';
  if (value.type === 'event_callback')
    return eventEnvelope.safeParse(value).success ? undefined : 'event_callback without an event';
  return typeof value.type === 'string' ? undefined : 'body has no type';
};

/**
 * Why Bolt must not process this body, or undefined when it has the shape of something Slack sends. The content
 * type is read exactly as Bolt reads it: only `application/x-www-form-urlencoded` is a form, anything else is JSON.
 */
export const malformedBodyReason = (contentType: string | undefined, raw: string): string | undefined => {
  if (contentType === FORM) {
    const form = new URLSearchParams(raw);
    const payloads = form.getAll('payload');
    if (payloads.length > 1) return 'more than one payload';
    const payload = payloads[0];
    if (payload !== undefined) {
      const parsed = parseJson(payload);
      return parsed.ok ? checkInteraction(parsed.value) : 'payload is not JSON';
    }
    if (form.get('ssl_check') === '1') return undefined;
    return slashCommand.safeParse(Object.fromEntries(form)).success
      ? undefined
      : 'form is not a slash command';
  }
  const parsed = parseJson(raw);
  return parsed.ok ? checkJsonBody(parsed.value) : 'body is not JSON';
};
