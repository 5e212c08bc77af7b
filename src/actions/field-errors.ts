import { z } from 'zod';
import { ValidationError } from '../errors.js';

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
