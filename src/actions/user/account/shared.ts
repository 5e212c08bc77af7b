import { z } from 'zod';
import { LOGIN_ID_KEY_CLAIM, LOGIN_ID_VALUE_CLAIM, textAttr } from '../../../authgear/attributes.js';
import type { AuthgearUser } from '../../../authgear/operations/user-fields.js';
import { safe } from '../../../blocks/primitives.js';
import { userLabel } from '../../../blocks/user-card.js';
import { AppError } from '../../../errors.js';
import type { FieldValues } from '../../types.js';

/** Helpers shared by the account-state actions: the target user, reasons, contact points, form values. */

export const userIdSchema = z
  .string({ error: 'The target user is missing. Start the action again.' })
  .min(1, 'The target user is missing. Start the action again.')
  .max(200);

export const userOnly = z.object({ userId: userIdSchema });
export type UserOnlyInput = z.output<typeof userOnly>;

export const REASON_MAX = 500;

export const optionalReason = z
  .string()
  .trim()
  .max(REASON_MAX, `Keep the reason under ${REASON_MAX} characters.`)
  .optional()
  .transform((v) => (v === '' ? undefined : v));

/** The user the pipeline loaded; execute and confirm cannot run without one. */
export const targetOf = (user: AuthgearUser | undefined): AuthgearUser => {
  if (user === undefined) throw new AppError('user.not_found', 'That Authgear user could not be loaded.');
  return user;
};

/** Escaped label of the target, or a neutral word when the user is not loaded. */
export const labelOf = (user: AuthgearUser | undefined): string => (user ? userLabel(user) : 'the user');

export const noChange = (message: string): never => {
  throw new AppError('state.no_change', message);
};

/** Words after `<who>` joined back into one sentence; undefined when there are none. */
export const joinArgs = (args: readonly string[]): string | undefined => {
  const text = args.join(' ').trim();
  return text === '' ? undefined : text;
};

/** A single text value from a form (`undefined` for empty or multi values). */
export const textValue = (values: FieldValues, id: string): string | undefined => {
  const v = values[id];
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined;
};

/** A checkbox from a form (the form reader gives 'yes' when ticked). */
export const checked = (values: FieldValues, id: string): boolean => {
  const v = values[id];
  return typeof v === 'string' ? v !== '' : Array.isArray(v) && v.length > 0;
};

export const emailOf = (user: AuthgearUser): string | undefined => textAttr(user.standardAttributes.email);
export const phoneOf = (user: AuthgearUser): string | undefined =>
  textAttr(user.standardAttributes.phone_number);
export const usernameOf = (user: AuthgearUser): string | undefined =>
  textAttr(user.standardAttributes.preferred_username);

/** The value of a login ID identity with key `key` ('email' | 'phone' | 'username'), if the user has one. */
export const loginIdOf = (user: AuthgearUser, key: 'email' | 'phone' | 'username'): string | undefined => {
  const identity = user.identities.nodes.find(
    (i) => i.type === 'LOGIN_ID' && i.claims[LOGIN_ID_KEY_CLAIM] === key,
  );
  return identity ? textAttr(identity.claims[LOGIN_ID_VALUE_CLAIM]) : undefined;
};

/** Escaped, quoted reason for confirmations and summaries. */
export const quoted = (reason: string | undefined): string => (reason ? `“${safe(reason, 300)}”` : '');

/** A readable point in time for plain text (UTC, minutes). */
export const whenText = (iso: string): string => `${iso.slice(0, 16).replace('T', ' ')} UTC`;
