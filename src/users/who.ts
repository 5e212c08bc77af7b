import { decodeNodeId, encodeNodeId, isUuid } from '../authgear/node-id.js';

/** A parsed `<who>`: how the person named the Authgear user. Pure; resolution happens in resolve.ts. */
export type WhoRef =
  | { readonly kind: 'slack'; readonly slackUserId: string }
  | { readonly kind: 'email'; readonly email: string }
  | { readonly kind: 'phone'; readonly phone: string }
  | { readonly kind: 'node'; readonly nodeId: string }
  | { readonly kind: 'username'; readonly username: string }
  | { readonly kind: 'oauth'; readonly alias: string; readonly subject: string };

const EMAIL = /^[^\s@<>|]+@[^\s@<>|]+\.[^\s@<>|]+$/;
const PHONE = /^\+[1-9]\d{6,14}$/;
const USERNAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
/** `oauth:<provider alias>:<subject>`: the user's ID at an OAuth provider the project configures. */
const OAUTH = /^oauth:([A-Za-z0-9_.-]{1,64}):(\S{1,255})$/i;

/** Slack escapes mentions, emails and links in slash command text: `<@U123|alice>`, `<mailto:a@b.c|a@b.c>`. */
const unwrapSlack = (text: string): string | { slackUserId: string } => {
  const mention = /^<@([UW][A-Z0-9]+)(?:\|[^>]*)?>$/.exec(text);
  if (mention?.[1]) return { slackUserId: mention[1] };
  const link = /^<(?:mailto:|tel:)?([^|>]+)(?:\|([^>]*))?>$/.exec(text);
  if (link?.[1]) return link[2] ?? link[1];
  return text;
};

/** Parses one `<who>` token; undefined when it cannot name a user. */
export const parseWho = (token: string): WhoRef | undefined => {
  const raw = token.trim();
  if (raw === '' || raw.length > 320) return undefined;
  const unwrapped = unwrapSlack(raw);
  if (typeof unwrapped !== 'string') return { kind: 'slack', slackUserId: unwrapped.slackUserId };
  const text = unwrapped.trim();
  const oauth = OAUTH.exec(text);
  if (oauth?.[1] && oauth[2]) return { kind: 'oauth', alias: oauth[1], subject: oauth[2] };
  if (EMAIL.test(text)) return { kind: 'email', email: text.toLowerCase() };
  const phone = text.replace(/[\s()-]/g, '');
  if (PHONE.test(phone)) return { kind: 'phone', phone };
  if (isUuid(text)) return { kind: 'node', nodeId: encodeNodeId('User', text.toLowerCase()) };
  const node = text.length >= 12 ? decodeNodeId(text) : undefined;
  if (node?.type === 'User') return { kind: 'node', nodeId: text };
  if (node !== undefined && /^[A-Z][a-z]+$/.test(node.type)) return undefined;
  if (USERNAME.test(text)) return { kind: 'username', username: text };
  return undefined;
};

export const WHO_HELP =
  'an email, a phone number in E.164 (+15551234567), a username, an Authgear user ID, `oauth:<provider>:<subject>`, or a Slack @mention';
