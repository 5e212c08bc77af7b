import { z } from 'zod';
import { LIMITS } from '../blocks/primitives.js';
import { AppError, ValidationError } from '../errors.js';
import type { FieldValues } from './types.js';

/**
 * The Confirm button carries the action key and its validated input. Nothing in it is trusted: at the click the
 * pipeline re-parses it with the action's schema and re-authorizes the person who clicked.
 */
const confirmPayload = z.object({
  v: z.literal(1),
  k: z.string().min(1).max(64),
  i: z.record(z.string(), z.unknown()),
});
export type ConfirmPayload = z.output<typeof confirmPayload>;

export const encodeConfirm = (key: string, input: Record<string, unknown>): string => {
  const value = JSON.stringify({ v: 1, k: key, i: input } satisfies ConfirmPayload);
  if (value.length > LIMITS.buttonValue) {
    throw new ValidationError('That change is too large for one confirmation; split it into smaller edits.');
  }
  return value;
};

export const decodeConfirm = (value: string | undefined): ConfirmPayload => {
  try {
    return confirmPayload.parse(JSON.parse(value ?? ''));
  } catch (cause) {
    throw new AppError('input.invalid', 'That button is no longer valid. Start the action again.', { cause });
  }
};

/**
 * Modal metadata: which action, on whom, and where to answer (`r`, the response_url of the command or click that
 * opened the form, issued at `t` ms). Encoded into `private_metadata` (≤ 3000 chars).
 */
const formMetadata = z.object({
  k: z.string().min(1).max(64),
  u: z.string().max(200).optional(),
  r: z.string().url().max(2000).optional(),
  t: z.number().int().positive().optional(),
  c: z.string().max(40).optional(),
});
export type FormMetadata = z.output<typeof formMetadata>;

export const encodeFormMetadata = (m: FormMetadata): string => JSON.stringify(formMetadata.parse(m));
export const decodeFormMetadata = (text: string): FormMetadata => {
  try {
    return formMetadata.parse(JSON.parse(text));
  } catch (cause) {
    throw new AppError('input.invalid', 'That form is no longer valid. Start the action again.', { cause });
  }
};

/** Maps zod issues on an action's input to modal field errors (field id = block id). */
export const toFieldErrors = (error: z.ZodError, fieldIds: readonly string[]): ValidationError => {
  const flat = z.flattenError(error);
  const fields: Record<string, string> = {};
  for (const [id, messages] of Object.entries(flat.fieldErrors as Record<string, string[] | undefined>)) {
    if (fieldIds.includes(id) && messages?.[0]) fields[id] = messages[0];
  }
  const first =
    flat.formErrors[0] ?? Object.values(fields)[0] ?? error.issues[0]?.message ?? 'Please check the input.';
  return new ValidationError(first, Object.keys(fields).length > 0 ? fields : undefined);
};

export type { FieldValues };
