/** Zero-width characters (pasted with text copied from Slack or a document): never part of a key, an ID or a verb. */
const ZERO_WIDTH = /\u200b|\u200c|\u200d|\u2060|\ufeff/g;

/**
 * Splits `/authgear <verb> [args]` text: zero-width characters dropped, verb lower-cased, arguments on whitespace,
 * the rest kept verbatim.
 */
export const splitCommand = (text: string): { verb: string; args: string[]; rest: string } => {
  const trimmed = text.replace(ZERO_WIDTH, '').trim();
  const match = /^(\S+)\s*([\s\S]*)$/.exec(trimmed);
  if (!match) return { verb: '', args: [], rest: '' };
  const rest = match[2] ?? '';
  return { verb: (match[1] ?? '').toLowerCase(), args: rest.split(/\s+/).filter(Boolean), rest };
};

/** Slack caps slash command text, but a forged or odd request may not be: anything longer is refused kindly. */
export const MAX_COMMAND_TEXT = 4000;
