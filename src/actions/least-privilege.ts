/**
 * Least privilege in what people see: someone allowed an action but not `user.view` learns nothing about the
 * target from it. Their confirmation shows what they typed, not a name, an email or a phone; whether the user exists
 * shows only once they confirm, as a neutral refusal; and the result names what they typed. An action that needs
 * approval goes for approval whether or not the target exists or fits (the run then refuses neutrally), and every DM
 * about it names only what they typed (approvals/record.ts `requesterView`).
 */
import { safe } from '../blocks/primitives.js';
import type { Policy } from '../config/policy.js';
import { AppError, type ErrorCode } from '../errors.js';
import { type Actor, grants } from '../permissions/authorize.js';
import type { AnyActionDefinition, Confirmation } from './types.js';

/** Whether the actor may see users (and so be shown who a target is). */
export const seesUsers = (policy: Policy, actor: Actor): boolean => grants(policy, actor.roles, 'user.view');

/** The stand-in `userId` an input is parsed with when the target stays hidden (never sent to Authgear). */
export const HIDDEN_TARGET = 'hidden-target';

/** What the person typed, fit to show back to them. */
export const typedLabel = (typed: string | undefined): string =>
  typed ? `“${safe(typed, 200)}”` : 'that user';

/** The confirmation with the target as typed; consequences that need the user's data are the action's generic ones. */
export const blindConfirmation = (
  def: AnyActionDefinition,
  input: Record<string, unknown>,
  typed: string | undefined,
): Confirmation => {
  let base: Confirmation;
  try {
    base = def.confirm(input, undefined);
  } catch {
    base = { title: def.title, target: '', consequences: [], confirmLabel: def.title, danger: true };
  }
  return { ...base, target: typedLabel(typed) };
};

/** Refusals that say nothing about the target, so they pass through as they are. */
const NEUTRAL_CODES: ReadonlySet<ErrorCode> = new Set([
  'permission.denied',
  'channel.not_allowed',
  'input.usage',
  'authgear.outcome_unknown',
  'authgear.unavailable',
  'authgear.timeout',
  'authgear.rate_limited',
  'authgear.unauthorized',
  'slack.unavailable',
  'store.unavailable',
  'internal',
]);

/** Whether a refusal says nothing about the target (and so may be shown as it is). */
export const isNeutral = (error: AppError): boolean => NEUTRAL_CODES.has(error.code);

/** The same refusal whether the user is missing, ambiguous or in a state the action does not fit. */
export const neutralRefusal = (typed: string | undefined, cause?: unknown): AppError =>
  new AppError(
    'user.not_found',
    `That could not be done for ${typedLabel(typed)}. Nothing was changed. Check what you typed, or ask someone who can look users up.`,
    { cause },
  );

/** An error as a person without `user.view` may see it. */
export const blindError = (error: AppError, typed: string | undefined): AppError =>
  isNeutral(error) ? error : neutralRefusal(typed, error);

/** A result message that names only what was typed. */
export const blindResultMessage = (def: AnyActionDefinition, typed: string | undefined): string =>
  `${def.title}: done for ${typedLabel(typed)}.`;
