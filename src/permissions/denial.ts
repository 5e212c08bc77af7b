import type { Policy } from '../config/policy.js';
import { AppError } from '../errors.js';
import type { ActionName } from './actions.js';
import { type Actor, authorize, type DenyReason, type Place } from './authorize.js';

/** The words for each refusal; those about rights name the policy action, so an admin knows what to add. */
const MESSAGES: Record<DenyReason, (action: ActionName) => string> = {
  no_role: (a) =>
    `You don't have a role in the Authgear bot's policy. Ask an admin to add you (this needs the policy action \`${a}\`).`,
  not_granted: (a) =>
    `Your role doesn't allow that action (the policy action \`${a}\`). Ask an admin to add \`${a}\` to one of your roles if you need it.`,
  channel_not_allowed: () =>
    "The Authgear bot isn't enabled in this channel. Use it in a channel where it is allowed.",
  dm_not_allowed: () =>
    "The Authgear bot isn't enabled in direct messages here. Use it in a channel where it is allowed.",
  people_dm_not_allowed: () =>
    "The Authgear bot isn't enabled in a DM between people. Use it in a channel where it is allowed, or in your DM with the bot (its Messages tab).",
  channel_unknown: () =>
    "The bot can't tell which channel this came from, and it only makes changes from allowed places. Start it again from a channel where it is allowed.",
  self_approval: () => "You can't approve your own request.",
  not_an_approver: (a) => notApproverMessage(a),
};

/** `admin`, `admin or security`, `admin, security or oncall`: roles as the policy names them. */
const orList = (names: readonly string[]): string =>
  names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} or ${names.at(-1)}`;

/**
 * An approver refused: names the roles that approve `action` (the policy's `approvals:` rule), so the clicker
 * knows whom to turn to; without them, where the policy says it.
 */
export const notApproverMessage = (
  action: ActionName | undefined,
  approvers: readonly string[] = [],
): string => {
  if (action === undefined) return "You're not an approver for this kind of request.";
  return approvers.length > 0
    ? `You're not an approver for this kind of request (\`${action}\`): only ${orList(approvers)} may approve this.`
    : `You're not an approver for this kind of request: the approvers of \`${action}\` are the roles under \`approvals: ${action}\` in the policy.`;
};

const PLACE_REASONS: ReadonlySet<DenyReason> = new Set([
  'channel_not_allowed',
  'dm_not_allowed',
  'people_dm_not_allowed',
  'channel_unknown',
]);

/** The one error a refused permission check becomes, with a kind message for the person. */
export const denialError = (reason: DenyReason, action: ActionName): AppError =>
  new AppError(
    PLACE_REASONS.has(reason) ? 'channel.not_allowed' : 'permission.denied',
    MESSAGES[reason](action),
    {
      details: { action, reason },
    },
  );

/** Throws `denialError` unless the actor may use `action` here (read-only verbs; actions go through the pipeline). */
export const requireRight = (actor: Actor, action: ActionName, ctx: Place, policy: Policy): void => {
  const decision = authorize(actor, action, ctx, policy);
  if (!decision.ok) throw denialError(decision.reason, action);
};
