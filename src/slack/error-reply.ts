import { randomUUID } from 'node:crypto';
import { errorMessage } from '../blocks/messages.js';
import { asAppError } from '../errors.js';
import { type AppLogger, errorFields } from '../logger.js';
import type { ReplyMessage } from './reply.js';

/** A short reference a person can quote and an operator can find in the log. */
export const newReference = (): string => randomUUID().slice(0, 8);

/**
 * The one place errors become messages. AppErrors show their kind message; anything else shows a generic one
 * with a reference, and the details (type, masked message, short stack) go to the log with the same reference
 * (never the raw error text, which may embed variables).
 */
export const errorReply = (
  e: unknown,
  logger: AppLogger,
  context: Record<string, unknown> = {},
): ReplyMessage => {
  const err = asAppError(e);
  if (err.code === 'internal') {
    const ref = newReference();
    logger.error({ ...context, ref, code: err.code, ...errorFields(err.cause ?? err) }, 'unexpected error');
    return errorMessage(err.userMessage, ref);
  }
  logger.warn({ ...context, code: err.code, ...err.details }, 'request refused');
  return errorMessage(err.userMessage);
};
