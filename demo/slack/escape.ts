/**
 * Text as Slack sends it to an app for a command with `should_escape: true` (see ../shared/slack/RULES.md, "Text
 * Slack sends"): `&`, `<`, `>` become entities; mentions, channels, user groups, links, emails and phone numbers
 * are wrapped in `<…|…>`. Pure.
 */

export interface EscapeDirectory {
  readonly people: readonly { readonly id: string; readonly handle: string }[];
  readonly channels: readonly { readonly id: string; readonly name: string }[];
  readonly usergroups: readonly { readonly id: string; readonly handle: string }[];
}

const entities = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

const EMAIL = /^[^\s@<>|]+@[^\s@<>|]+\.[A-Za-z]{2,}$/;
const URL_LIKE = /^https?:\/\/[^\s<>|]+$/;
const PHONE = /^\+[1-9]\d{6,14}$/;

const wrapToken = (token: string, dir: EscapeDirectory): string => {
  if (token.startsWith('@')) {
    const handle = token.slice(1).toLowerCase();
    const person = dir.people.find((p) => p.handle === handle);
    if (person) return `<@${person.id}|${person.handle}>`;
    const group = dir.usergroups.find((g) => g.handle === handle);
    if (group) return `<!subteam^${group.id}|@${group.handle}>`;
  }
  if (token.startsWith('#')) {
    const channel = dir.channels.find((c) => c.name === token.slice(1).toLowerCase());
    if (channel) return `<#${channel.id}|${channel.name}>`;
  }
  if (EMAIL.test(token)) return `<mailto:${token}|${token}>`;
  if (URL_LIKE.test(token)) return `<${token}>`;
  if (PHONE.test(token)) return `<tel:${token}|${token}>`;
  return entities(token);
};

/** Escapes a typed message or command text the way Slack delivers it. Whitespace is kept as typed. */
export const slackEscape = (text: string, dir: EscapeDirectory): string =>
  text
    .split(/(\s+)/)
    .map((part) => (/^\s*$/.test(part) ? part : wrapToken(part, dir)))
    .join('');
