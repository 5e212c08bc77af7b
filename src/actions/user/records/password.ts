import { randomInt } from 'node:crypto';

const LOWER = 'abcdefghijkmnpqrstuvwxyz';
const UPPER = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
const DIGITS = '23456789';
/** No `*_~` or backtick (mrkdwn would alter how they display) and no `&<>` (escaped in Slack text). */
const SYMBOLS = '!#%+-=?@^';
const ALL = LOWER + UPPER + DIGITS + SYMBOLS;

const pick = (alphabet: string): string => alphabet.charAt(randomInt(alphabet.length));

/**
 * A strong one-time password (crypto RNG, every character class, no look-alike characters). Made only inside an
 * action's `execute` and returned only as `result.secret`.
 */
export const generatePassword = (length = 20): string => {
  const chars = [pick(LOWER), pick(UPPER), pick(DIGITS), pick(SYMBOLS)];
  while (chars.length < length) chars.push(pick(ALL));
  for (let i = chars.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [chars[i], chars[j]] = [chars[j] ?? '', chars[i] ?? ''];
  }
  return chars.join('');
};
