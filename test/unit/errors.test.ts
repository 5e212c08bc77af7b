import { describe, expect, it } from 'vitest';
import { AppError, errorKind } from '../../src/errors.js';

describe('errorKind', () => {
  it.each([
    ['an Error by its name', new TypeError('secret in the message'), 'TypeError'],
    ['an AppError by its name', new AppError('internal', 'x'), 'AppError'],
    ['anything else by its type', 'a thrown string', 'string'],
  ])('names %s, never its message', (_what, thrown, kind) => {
    expect(errorKind(thrown)).toBe(kind);
  });
});
