import { decodeNodeId, encodeNodeId, isUuid } from '../authgear/node-id.js';
import { isEmail } from './email.js';

/** A parsed `<who>`: how the person named the Authgear user. Pure; resolution happens in resolve.ts. */
export type WhoRef =
  | { readonly kind: 'slack'; readonly slackUserId: string }
  | { readonly kind: 'email'; readonly email: string }
  | { readonly kind: 'phone'; readonly phone: string }
  | { readonly kind: 'node'; readonly nodeId: string }
  | { readonly kind: 'username'; readonly username: string }
  | { readonly kind: 'oauth'; readonly alias: string; readonly subject: string };

const PHONE = /^\+[1-9]\d{6,14}$/;
const USERNAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
/** `oauth:<provider alias>:<subject>`: the user's ID at an OAuth provider the project configures. */
const OAUTH = /^oauth:([A-Za-z0-9_.-]{1,64}):(\S{1,255})$/i;

/** A Slack user mention, as slack/text.ts leaves it (`<@U123>`; `<@U123|alice>` is read too). */
const MENTION = /^<@([UW][A-Z0-9]+)(?:\|[^>]*)?>$/;

/**
 * Parses one `<who>` token, already decoded from Slack's escaping (slack/text.ts: `<mailto:…>` is an email by now,
 * `<#C1|ops>` is `#ops` and `<https://x|label>` is `https://x`, neither of which names a user); undefined when it
 * cannot name a user.
 */
export const parseWho = (token: string): WhoRef | undefined => {
  const text = token.trim();
  if (text === '' || text.length > 320) return undefined;
  const mention = MENTION.exec(text);
  if (mention?.[1]) return { kind: 'slack', slackUserId: mention[1] };
  const oauth = OAUTH.exec(text);
  if (oauth?.[1] && oauth[2]) return { kind: 'oauth', alias: oauth[1], subject: oauth[2] };
  if (isEmail(text)) return { kind: 'email', email: text.toLowerCase() };
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
