import type { ActionName } from '../permissions/actions.js';
import { type Block, capBlocks, context, escapeText, header, section } from './primitives.js';

/**
 * `/authgear help` is an overview by topic (verb names only), and `/authgear help <topic|verb>` shows full usage:
 * all 80-odd usage lines in one message would pass Slack's ~12,000 characters of block text per message.
 */
export type HelpTopic =
  | 'lookup'
  | 'account'
  | 'signin'
  | 'profile'
  | 'access'
  | 'grants'
  | 'resources'
  | 'oversight';

export const HELP_TOPICS: Readonly<Record<HelpTopic, { readonly title: string; readonly names: string[] }>> =
  {
    lookup: { title: 'Look up users', names: ['lookup', 'users', 'user'] },
    account: { title: 'Account status', names: ['account', 'status'] },
    signin: {
      title: 'Sign-in, passwords and MFA',
      names: ['signin', 'sign-in', 'passwords', 'password', 'mfa'],
    },
    profile: { title: 'Profile and identities', names: ['profile', 'identities', 'identity'] },
    access: { title: 'Groups and roles', names: ['access', 'groups', 'roles'] },
    grants: { title: 'Time-boxed access', names: ['grants', 'jit'] },
    resources: { title: 'API resources and scopes', names: ['resources', 'scopes', 'api'] },
    oversight: { title: 'Audit, approvals and fraud', names: ['oversight', 'audit', 'approvals', 'fraud'] },
  };

/** Which topic each policy action's verbs are listed under (a new action name must pick one: the type says so). */
export const TOPIC_OF: Readonly<Record<ActionName, HelpTopic>> = {
  'user.view': 'lookup',
  'user.search': 'lookup',
  'user.disable': 'account',
  'user.enable': 'account',
  'user.valid_period': 'account',
  'user.delete': 'account',
  'user.anonymize': 'account',
  'user.reset_password': 'signin',
  'user.send_reset': 'signin',
  'user.otp': 'signin',
  'user.revoke_sessions': 'signin',
  'user.mfa': 'signin',
  'user.mfa_grace': 'signin',
  'user.add_authenticator': 'signin',
  'user.verify': 'profile',
  'user.create': 'profile',
  'user.edit': 'profile',
  'user.identities': 'profile',
  'user.authorizations': 'profile',
  'user.grant': 'grants',
  'user.revoke_grant': 'grants',
  'group.view': 'access',
  'group.create': 'access',
  'group.update': 'access',
  'group.delete': 'access',
  'group.members': 'access',
  'role.view': 'access',
  'role.create': 'access',
  'role.update': 'access',
  'role.delete': 'access',
  'role.members': 'access',
  'resource.view': 'resources',
  'resource.manage': 'resources',
  'audit.view': 'oversight',
  'approvals.view': 'oversight',
  'fraud.view': 'oversight',
};

export interface HelpEntry {
  readonly verbs: readonly string[];
  readonly usage: string;
  readonly description: string;
  readonly permission: ActionName;
  /** Whether the policy sends this action to approvers first. */
  readonly needsApproval?: boolean;
}

const WHO_NOTE =
  '`<who>` is an email, a phone number (+15551234567), a username, an Authgear user ID, `oauth:<provider>:<subject>` or a Slack @mention.';

/** Whom someone without a role asks, and for what. */
export const ASK_FOR_A_ROLE = 'Ask an Authgear bot admin to add you to a role in the policy file.';

const NO_ACCESS = `You don't have access to any Authgear actions yet. ${ASK_FOR_A_ROLE}`;

const topicsIn = (entries: readonly HelpEntry[]): HelpTopic[] =>
  (Object.keys(HELP_TOPICS) as HelpTopic[]).filter((t) => entries.some((e) => TOPIC_OF[e.permission] === t));

const usageLine = (e: HelpEntry): string =>
  `\`/authgear ${escapeText(e.usage)}\` — ${escapeText(e.description)}${e.needsApproval ? ' _(needs approval)_' : ''}`;

/** `/authgear help`: each topic this person has something in, with its verbs; details are one more command away. */
export const helpView = (entries: readonly HelpEntry[]): Block[] => {
  if (entries.length === 0) return [section(NO_ACCESS)];
  const topics = topicsIn(entries).map((t) => {
    const verbs = entries.filter((e) => TOPIC_OF[e.permission] === t).map((e) => `\`${e.verbs[0] ?? ''}\``);
    return `*${HELP_TOPICS[t].title}* (\`help ${t}\`)\n${verbs.join(' · ')}`;
  });
  return capBlocks([
    header('Authgear from Slack'),
    section(topics.join('\n\n')),
    context([
      'Type `/authgear help <topic>` for how to use a topic’s commands, or `/authgear help <command>` for one of them.',
      WHO_NOTE,
    ]),
  ]);
};

/** Every command of one topic this person may use, with its usage and what it does. */
export const helpTopicView = (topic: HelpTopic, entries: readonly HelpEntry[]): Block[] => {
  const lines = entries.filter((e) => TOPIC_OF[e.permission] === topic).map(usageLine);
  if (lines.length === 0) return [section(`You have no commands under *${HELP_TOPICS[topic].title}*.`)];
  const chunks: Block[] = [];
  for (let i = 0; i < lines.length; i += 12) chunks.push(section(lines.slice(i, i + 12).join('\n')));
  return capBlocks([header(HELP_TOPICS[topic].title), ...chunks, context([WHO_NOTE])]);
};

/** One command: its usage, what it does, the policy action behind it and whether approvers see it first. */
export const helpVerbView = (entry: HelpEntry): Block[] => [
  section(usageLine(entry)),
  context([
    `Policy action \`${entry.permission}\`${entry.verbs.length > 1 ? ` · also \`${entry.verbs.slice(1).join('`, `')}\`` : ''} · more in \`/authgear help ${TOPIC_OF[entry.permission]}\``,
  ]),
];

/** The topic a `help` argument names (`help groups`, `help mfa`), if any. */
export const topicNamed = (word: string): HelpTopic | undefined =>
  (Object.keys(HELP_TOPICS) as HelpTopic[]).find((t) => HELP_TOPICS[t].names.includes(word));
