/**
 * A confirmation: what a person was shown and may now confirm, kept on the server from the moment the
 * confirmation is shown. The Confirm button carries only its ID, so the action, its input, the target and the
 * person who may confirm always come from here, never from a value a client could alter.
 */
import { z } from 'zod';
import { AppError } from '../errors.js';

export const CONFIRMATION_SCHEMA_VERSION = 1;

/** `cf_` + 128 random bits (ids.ts): unguessable, URL-safe, and fits Redis hash tags and button values. */
export const confirmationIdSchema = z.string().regex(/^cf_[A-Za-z0-9_-]{22}$/);

const isoTime = z.iso.datetime();

export const confirmationRecordSchema = z.object({
  schemaVersion: z.literal(CONFIRMATION_SCHEMA_VERSION),
  id: confirmationIdSchema,
  /** The action's pinned key (actions/keys.ts). */
  actionKey: z.string().min(1).max(64),
  /** The input as parsed when the confirmation was shown; parsed again by the action's schema at the click. */
  input: z.record(z.string(), z.unknown()),
  /** The Authgear user node ID the action targets, when it targets one that was found. */
  targetUserId: z.string().min(1).max(200).optional(),
  /** How the person named the target, shown back to people without `user.view`. */
  typed: z.string().max(400).optional(),
  /** The one person who may confirm. */
  actor: z.object({
    userId: z.string().min(1).max(64),
    teamId: z.string().max(64).optional(),
    name: z.string().max(200).optional(),
  }),
  /** Where the action was started (the channel allow-list is applied to it again at the click). */
  channelId: z.string().max(40).optional(),
  createdAt: isoTime,
  expiresAt: isoTime,
});

export type ConfirmationRecord = z.infer<typeof confirmationRecordSchema>;

/** What happened after the claim, kept so later clicks are told (never a secret). */
export const confirmationOutcomeSchema = z.object({
  result: z.enum(['executed', 'failed', 'unknown', 'pending_approval', 'refused', 'cancelled']),
  code: z.string().max(64).optional(),
  at: isoTime,
});
export type ConfirmationOutcome = z.infer<typeof confirmationOutcomeSchema>;

/** What a caller supplies; the ID and times are filled in by `newConfirmation`. */
export type ConfirmationRequest = Omit<
  ConfirmationRecord,
  'schemaVersion' | 'id' | 'createdAt' | 'expiresAt'
>;

export const newConfirmation = (
  request: ConfirmationRequest,
  { id, now, ttlMs }: { id: string; now: Date; ttlMs: number },
): ConfirmationRecord =>
  parseConfirmation(
    {
      ...request,
      schemaVersion: CONFIRMATION_SCHEMA_VERSION,
      id,
      createdAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + ttlMs).toISOString(),
    },
    id,
  );

const corrupt = (id: string, cause: unknown): AppError =>
  new AppError('internal', 'A confirmation could not be read.', {
    cause,
    details: { confirmationId: id },
  });

/** Parses stored data into a record; anything that does not fit is a corrupt record. */
export const parseConfirmation = (data: unknown, id: string): ConfirmationRecord => {
  const parsed = confirmationRecordSchema.safeParse(data);
  if (!parsed.success) throw corrupt(id, parsed.error);
  return parsed.data;
};

/** Parses the JSON text of a record or an outcome stored by the Redis store. */
export const parseStoredJson = <T>(schema: z.ZodType<T>, text: string | undefined, id: string): T => {
  let data: unknown;
  try {
    data = JSON.parse(text ?? '');
  } catch (error) {
    throw corrupt(id, error);
  }
  const parsed = schema.safeParse(data);
  if (!parsed.success) throw corrupt(id, parsed.error);
  return parsed.data;
};
