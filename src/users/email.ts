/**
 * The one email shape check: `local@domain.tld` with no spaces, `<`, `>` or `|`, and a dot inside the domain. It
 * checks the length first (RFC 5321: 254 characters at most) and scans once, so a 50,000-character value cannot
 * block the event loop: the regular expression it replaces backtracked quadratically on `a@b.a.a.a…a ` (4.6 s).
 */
export const MAX_EMAIL_LENGTH = 254;

const FORBIDDEN = new Set([' ', '\t', '\n', '\r', '\f', '\v', '<', '>', '|', '@']);

const isWhitespace = (ch: string): boolean => /\s/.test(ch);

export const isEmail = (text: string): boolean => {
  if (text.length > MAX_EMAIL_LENGTH) return false;
  const at = text.indexOf('@');
  if (at <= 0 || at !== text.lastIndexOf('@')) return false;
  for (const ch of text) if (ch !== '@' && (FORBIDDEN.has(ch) || isWhitespace(ch))) return false;
  // Some dot in the domain with at least one character before and after it.
  return text.slice(at + 2, -1).includes('.');
};
