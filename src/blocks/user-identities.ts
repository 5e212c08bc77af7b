/**
 * The parts of the user card about how someone signs in: login IDs, OAuth connections, passkeys, the MFA grace
 * period and per-IP lockouts. Pure: data in, text out; every list is cut so the card stays within Slack's limits.
 */
import { LOGIN_ID_KEY_CLAIM, LOGIN_ID_VALUE_CLAIM, textAttr } from '../authgear/attributes.js';
import type { AuthgearUser } from '../authgear/operations/user-fields.js';
import { codeSpan, safe, slackDate } from './primitives.js';

/** Items shown per list; the rest are counted. */
const SHOWN = 5;

const list = (items: readonly string[]): string =>
  items.length === 0
    ? 'none'
    : `${items.slice(0, SHOWN).join(', ')}${items.length > SHOWN ? ` and ${items.length - SHOWN} more` : ''}`;

type Claims = Readonly<Record<string, unknown>>;

const loginId = (c: Claims): string => {
  const key = textAttr(c[LOGIN_ID_KEY_CLAIM]) ?? 'login ID';
  const value = textAttr(c[LOGIN_ID_VALUE_CLAIM]) ?? '';
  return `${safe(key, 30)} ${safe(value, 100)}`;
};

const oauth = (c: Claims): string => {
  const alias = textAttr(c['https://authgear.com/claims/oauth/provider_alias']) ?? 'OAuth';
  const subject = textAttr(c['https://authgear.com/claims/oauth/subject_id']);
  const email = textAttr(c.email);
  const detail = [
    email ? safe(email, 100) : undefined,
    subject ? `\`oauth:${safe(alias, 40)}:${safe(subject, 80)}\`` : undefined,
  ]
    .filter(Boolean)
    .join(' ');
  return `${safe(alias, 40)}${detail ? ` (${detail})` : ''}`;
};

const passkey = (c: Claims): string =>
  safe(textAttr(c['https://authgear.com/claims/passkey/display_name']) ?? 'passkey', 60);

/** Login IDs, OAuth connections and passkeys, one line each. */
export const signInLines = (u: AuthgearUser): string[] => [
  `*Login IDs*: ${list(u.loginIDs.map((i) => loginId(i.claims)))}`,
  `*OAuth connections*: ${list(u.oauthConnections.map((i) => oauth(i.claims)))}`,
  `*Passkeys*: ${list(u.passkeys.map((i) => passkey(i.claims)))}`,
];

/** Status lines: a running MFA grace period, and the IPs locked out after failed sign-ins. */
export const accessStatusLines = (u: AuthgearUser, now: Date): string[] => {
  const lines: string[] = [];
  const grace = u.mfaGracePeriodEndAt;
  if (grace && Date.parse(grace) > now.getTime())
    lines.push(`:key: MFA grace period until ${slackDate(grace)}: they may sign in without a second factor`);
  const ips = u.accountLockout.lockedIPs;
  if (ips.length > 0)
    lines.push(
      `:lock: Locked out from ${ips.length === 1 ? 'one IP' : `${ips.length} IPs`}: ${list(
        ips.map((ip) => `${codeSpan(ip.ipAddress, 60)} until ${slackDate(ip.lockedUntil)}`),
      )}`,
    );
  return lines;
};
