import type { Policy } from '../config/policy.js';
import type { ActionName } from './actions.js';

/** Who is acting, with the roles the policy gives them (resolved from user ID and user groups beforehand). */
export interface Actor {
  readonly userId: string;
  readonly teamId?: string | undefined;
  readonly name?: string | undefined;
  readonly roles: readonly string[];
}

export type Decision = { readonly ok: true } | { readonly ok: false; readonly reason: DenyReason };
export type DenyReason =
  | 'no_role'
  | 'not_granted'
  | 'channel_not_allowed'
  | 'dm_not_allowed'
  | 'people_dm_not_allowed'
  | 'channel_unknown'
  | 'self_approval'
  | 'not_an_approver';

const ALLOW: Decision = { ok: true };
const deny = (reason: DenyReason): Decision => ({ ok: false, reason });

/** Roles a Slack user holds: direct grants plus grants through the user groups they are in. */
export const rolesFor = (policy: Policy, userId: string, usergroupIds: readonly string[]): string[] => {
  const roles = new Set(policy.userRoles.get(userId) ?? []);
  for (const group of usergroupIds) for (const r of policy.usergroupRoles.get(group) ?? []) roles.add(r);
  return [...roles].sort();
};

export const grants = (policy: Policy, roles: readonly string[], action: ActionName): boolean =>
  roles.some((role) => {
    const actions = policy.roleActions.get(role);
    return actions !== undefined && (actions.has('*') || actions.has(action));
  });

/** Where a request happened, as far as the bot can tell. */
export interface Place {
  readonly channelId?: string | undefined;
  /**
   * The request would change something (an action, not a read). Under a channel allow-list, a mutation from
   * somewhere the bot cannot place (a click or form submission that carries no channel) is refused.
   */
  readonly mutation?: boolean;
  /**
   * For a DM (`D…`): whether it is the person's own DM with the bot (Slack's answer to conversations.open), rather
   * than a DM between people. Undefined when nobody asked (then it counts as a DM between people).
   */
  readonly botDm?: boolean | undefined;
}

/**
 * Which DMs an allow-list admits. Default `bot`: the person's own DM with the bot stays usable (it is private, and
 * where the bot's DMs with buttons land), while a DM between people is not a place the team chose.
 */
const dmMode = (policy: Policy) => policy.channels.direct_messages ?? 'bot';

/** Whether the policy's allow-list needs to know if a DM is the DM with the bot (only then is Slack asked). */
export const needsBotDm = (policy: Policy, channelId: string | undefined): boolean =>
  policy.channels.commands !== undefined && dmMode(policy) === 'bot' && channelId?.startsWith('D') === true;

/** A DM under the allow-list: allowed only as the policy's `direct_messages` says (default bot). */
const dmDecision = (policy: Policy, ctx: Place): Decision | undefined => {
  const mode = dmMode(policy);
  if (mode === 'all') return undefined;
  if (mode === 'bot') return ctx.botDm === true ? undefined : deny('people_dm_not_allowed');
  return deny('dm_not_allowed');
};

/**
 * May this actor run `action` here? Deny by default. The channel allow-list (`channels.commands`) applies to
 * commands, clicks and submissions: channels only when listed, DMs only as `channels.direct_messages` allows
 * (`bot` by default: the DM with the bot; `none`; `all`: any DM), and a mutation with no channel at all is refused while an
 * allow-list is set.
 */
export const authorize = (actor: Actor, action: ActionName, ctx: Place, policy: Policy): Decision => {
  if (actor.roles.length === 0) return deny('no_role');
  const allowed = policy.channels.commands;
  if (allowed !== undefined) {
    if (ctx.channelId === undefined) {
      if (ctx.mutation === true) return deny('channel_unknown');
    } else if (!allowed.includes(ctx.channelId)) {
      const refused = ctx.channelId.startsWith('D') ? dmDecision(policy, ctx) : deny('channel_not_allowed');
      if (refused) return refused;
    }
  }
  return grants(policy, actor.roles, action) ? ALLOW : deny('not_granted');
};

/** May this actor approve or reject a request for `action` made by `requesterId`? */
export const authorizeApprover = (
  actor: Actor,
  action: ActionName,
  requesterId: string,
  policy: Policy,
): Decision => {
  if (actor.userId === requesterId) return deny('self_approval');
  const rule = policy.approvals[action];
  if (rule === undefined) return deny('not_an_approver');
  return actor.roles.some((r) => rule.approvers.includes(r)) ? ALLOW : deny('not_an_approver');
};

/** Actions this actor may run, for `help`. */
export const allowedActions = (
  policy: Policy,
  roles: readonly string[],
  all: readonly ActionName[],
): ActionName[] => all.filter((a) => grants(policy, roles, a));
