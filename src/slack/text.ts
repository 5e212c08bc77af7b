/**
 * What a person meant by text Slack sent. In slash-command text Slack escapes `&`, `<`, `>` as entities and wraps
 * mentions, channels, user groups, links, emails and phone numbers in `<…|…>` (RULES.md "Text Slack sends"; the
 * command has `should_escape: true`); macOS and iOS clients turn typed quotes into smart quotes, in forms too. The
 * bot decodes once, at the edge (the whole command text; every form field with `fromTypedText`), before
 * validating, and escapes again only when rendering (blocks/primitives.ts). Pure.
 *
 * - `<@U123|alice>` → `<@U123>`: a user mention stays one (parseWho turns it into a Slack user);
 * - `<#C123|ops>` → `#ops`, `<!subteam^S1|@support>` → `@support`, `<!here>` → `@here`, a date → its fallback;
 * - `<mailto:a@b.c|a@b.c>` → `a@b.c`, `<tel:+15551234567|+1 555…>` → `+15551234567`,
 *   `<https://x|label>` and `<https://x>` → `https://x` (what the link points at, never its label);
 * - `&amp;` `&lt;` `&gt;` → `&` `<` `>` (in one pass: `&amp;lt;` is the text `&lt;`);
 * - “ ” ‘ ’ → " '.
 */

const ENTITIES: Readonly<Record<string, string>> = { '&amp;': '&', '&lt;': '<', '&gt;': '>' };
const QUOTES: Readonly<Record<string, string>> = { '“': '"', '”': '"', '‘': "'", '’': "'" };

const decodeEntities = (text: string): string => text.replace(/&(?:amp|lt|gt);/g, (e) => ENTITIES[e] ?? e);

/** The meaning of one `<…>` Slack wrote. */
const unwrap = (inner: string): string => {
  const bar = inner.indexOf('|');
  const target = bar === -1 ? inner : inner.slice(0, bar);
  const label = bar === -1 ? undefined : decodeEntities(inner.slice(bar + 1));
  if (/^@[UW][A-Z0-9]+$/.test(target)) return `<${target}>`;
  if (target.startsWith('#')) return label ? `#${label}` : target;
  if (target.startsWith('!subteam^')) return label ?? `@${target.slice('!subteam^'.length)}`;
  if (target.startsWith('!date^')) return label ?? '';
  if (target.startsWith('!')) return `@${target.slice(1)}`;
  if (/^(?:mailto|tel):/i.test(target)) return decodeEntities(target.slice(target.indexOf(':') + 1));
  return decodeEntities(target);
};

/** Decodes Slack's escaping of command or message `text` (see the module comment). */
export const fromSlackText = (text: string): string =>
  text.replace(/<([^<>]*)>|&(?:amp|lt|gt);|[“”‘’]/g, (match, inner: string | undefined) =>
    inner !== undefined ? unwrap(inner) : (ENTITIES[match] ?? QUOTES[match] ?? match),
  );

/**
 * A form field's text (`plain_text_input`): Slack sends what was typed, unescaped, so `<b>` and `&amp;` are what the
 * person wrote; only the client's smart quotes are straightened.
 */
export const fromTypedText = (text: string): string => text.replace(/[“”‘’]/g, (q) => QUOTES[q] ?? q);
