import { describe, expect, it } from 'vitest';
import { isEmail, MAX_EMAIL_LENGTH } from '../../../src/users/email.js';

describe('isEmail', () => {
  it.each(['alice@example.com', 'a@b.c', 'first.last+tag@sub.example.co.uk', 'a@.b.c', 'x@y..z'])(
    'accepts %s',
    (text) => {
      expect(isEmail(text)).toBe(true);
    },
  );

  it.each([
    ['no @', 'alice.example.com'],
    ['nothing before @', '@example.com'],
    ['two @', 'a@b@example.com'],
    ['no dot in the domain', 'alice@example'],
    ['a dot only at the end', 'alice@example.'],
    ['a space', 'ali ce@example.com'],
    ['a trailing newline', 'alice@example.com\n'],
    ['angle brackets', '<alice@example.com>'],
    ['a pipe', 'a|b@example.com'],
  ])('refuses %s', (_what, text) => {
    expect(isEmail(text)).toBe(false);
  });

  it('refuses anything longer than an email can be, whatever its shape', () => {
    expect(isEmail(`${'a'.repeat(MAX_EMAIL_LENGTH - 6)}@b.com`)).toBe(true);
    expect(isEmail(`${'a'.repeat(MAX_EMAIL_LENGTH - 5)}@b.com`)).toBe(false);
    // The shape the old regular expression took seconds on: now refused by its length alone.
    expect(isEmail(`a@b${'.a'.repeat(25_000)} `)).toBe(false);
  });
});
