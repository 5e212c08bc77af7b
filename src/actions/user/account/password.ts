import { randomInt } from 'node:crypto';

/**
 * Character classes for generated passwords. Ambiguous glyphs (0/O, 1/l/I) and characters that Slack mrkdwn
 * escapes or formats (& < > * _ ~ ` :) are left out, so what the requester sees is exactly the password.
 */
export const PASSWORD_CLASSES = [
  'abcdefghijkmnopqrstuvwxyz',
  'ABCDEFGHJKLMNPQRSTUVWXYZ',
  '23456789',
  '!#$%+=?-',
] as const;

export const PASSWORD_LENGTH = 20;

type RandomInt = (max: number) => number;

const pick = (chars: string, rnd: RandomInt): string => chars.charAt(rnd(chars.length));

/** A strong random password: `length` (≥ 16) characters with at least one of each class, from crypto.randomInt. */
export const generatePassword = (
  length: number = PASSWORD_LENGTH,
  rnd: RandomInt = (max) => randomInt(max),
): string => {
  if (length < 16) throw new Error('generated passwords are at least 16 characters');
  const all = PASSWORD_CLASSES.join('');
  const chars = PASSWORD_CLASSES.map((c) => pick(c, rnd));
  while (chars.length < length) chars.push(pick(all, rnd));
  for (let i = chars.length - 1; i > 0; i--) {
    const j = rnd(i + 1);
    const tmp = chars[i] ?? '';
    chars[i] = chars[j] ?? '';
    chars[j] = tmp;
  }
  return chars.join('');
};
