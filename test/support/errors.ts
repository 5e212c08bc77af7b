import { expect } from 'vitest';
import { type ErrorCode, isAppError } from '../../src/errors.js';

/**
 * Runs `fn` and asserts it throws an AppError with this code, or, for `undefined`, that it throws nothing
 * (tests assert codes, never wording).
 */
export const expectAppErrorCode = (fn: () => unknown, code: ErrorCode | undefined): void => {
  let thrown: unknown;
  try {
    fn();
  } catch (e) {
    thrown = e ?? new Error('threw nullish');
  }
  const got =
    thrown === undefined ? undefined : isAppError(thrown) ? thrown.code : `not an AppError: ${thrown}`;
  expect(got).toBe(code);
};
