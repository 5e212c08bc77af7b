/**
 * Text the way Slack sends what a person typed (RULES.md "Text Slack sends"; Slack's "formatting text" reference,
 * "escaping"), for a slash command with `should_escape: true` (manifest.yml):
 * - `&`, `<`, `>` become `&amp;`, `&lt;`, `&gt;`;
 * - `@alice` → `<@U0ALICE|alice>`, `#ops` → `<#C0OPS|ops>`, `@support` (a user group) → `<!subteam^S0SUP|@support>`,
 *   `@here` / `@channel` / `@everyone` → `<!here>`…, when Slack knows the name (else the text stays as typed);
 * - links `https://x` → `<https://x>`, emails → `<mailto:a@b.c|a@b.c>`, phone numbers → `<tel:+15551234567|+1 555…>`;
 * - optionally, quotes as macOS and iOS type them: “ ” ‘ ’.
 */

/** Slack's IDs for names a person types (the Slack fake's `names`). */
export interface SlackNameLookup {
  userId(name: string): string | undefined;
  channelId(name: string): string | undefined;
  usergroupId(handle: string): string | undefined;
}

export interface SlackTextOptions {
  /** Turn typed quotes into smart quotes, as macOS and iOS clients do. */
  readonly smartQuotes?: boolean;
}

const escapeEntities = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** “ ” ‘ ’ for typed quotes: opening after a space, an opening bracket or the start; closing otherwise. */
export const smartenQuotes = (text: string): string =>
  text.replace(/["']/g, (quote, offset: number, whole: string) => {
    const before = offset === 0 ? ' ' : (whole[offset - 1] ?? ' ');
    const opening = /[\s([{“‘]/.test(before);
    if (quote === '"') return opening ? '“' : '”';
    return opening ? '‘' : '’';
  });

const TOKEN = new RegExp(
  [
    String.raw`(?<url>https?://[^\s<>]+)`,
    String.raw`(?<email>[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,})`,
    String.raw`(?<phone>(?<![\w+])\+\d[\d ()-]{5,}\d)`,
    String.raw`(?<special>(?<![\w.@])@(?:here|channel|everyone)\b)`,
    String.raw`(?<mention>(?<![\w.@])@[A-Za-z0-9._-]*[A-Za-z0-9_-])`,
    String.raw`(?<channel>(?<![\w&])#[a-z0-9_-]+)`,
  ].join('|'),
  'g',
);

/** One recognised token as Slack sends it, or undefined when Slack would leave it as typed. */
const wrap = (groups: Record<string, string | undefined>, names: SlackNameLookup | undefined) => {
  const { url, email, phone, special, mention, channel } = groups;
  if (url) return `<${escapeEntities(url)}>`;
  if (email) return `<mailto:${escapeEntities(email)}|${escapeEntities(email)}>`;
  if (phone) return `<tel:${phone.replace(/[^\d+]/g, '')}|${escapeEntities(phone)}>`;
  if (special) return `<!${special.slice(1)}>`;
  if (mention) {
    const name = mention.slice(1);
    const user = names?.userId(name);
    if (user) return `<@${user}|${name}>`;
    const group = names?.usergroupId(name);
    if (group) return `<!subteam^${group}|@${name}>`;
    return undefined;
  }
  if (channel) {
    const name = channel.slice(1);
    const id = names?.channelId(name);
    return id ? `<#${id}|${name}>` : undefined;
  }
  return undefined;
};

/** What Slack sends for `typed` in a slash command (and message text). */
export const asSlackSends = (
  typed: string,
  names?: SlackNameLookup,
  options: SlackTextOptions = {},
): string => {
  const text = options.smartQuotes ? smartenQuotes(typed) : typed;
  let out = '';
  let last = 0;
  for (const match of text.matchAll(TOKEN)) {
    const start = match.index;
    const wrapped = wrap(match.groups ?? {}, names);
    if (wrapped === undefined) continue;
    out += escapeEntities(text.slice(last, start)) + wrapped;
    last = start + match[0].length;
  }
  return out + escapeEntities(text.slice(last));
};
