import { expect } from 'vitest';
import { type ErrorCode, isAppError } from '../../src/errors.js';

/** Runs `fn` and asserts it throws an AppError with this code (tests assert codes, never wording). */
export const expectAppErrorCode = (fn: () => unknown, code: ErrorCode): void => {
  let thrown: unknown;
  try {
    fn();
  } catch (e) {
    thrown = e;
  }
  expect(thrown, 'expected an AppError to be thrown').toBeDefined();
  expect(isAppError(thrown) ? thrown.code : `not an AppError: ${String(thrown)}`).toBe(code);
};
