import { z } from 'zod';
import { setVerifiedStatus } from '../../../authgear/operations/account-credentials.js';
import type { AuthgearUser } from '../../../authgear/operations/user-fields.js';
import { safe } from '../../../blocks/primitives.js';
import { AppError } from '../../../errors.js';
import type { ActionKey } from '../../keys.js';
import { type ActionDefinition, defineAction } from '../../types.js';
import {
  emailOf,
  joinArgs,
  labelOf,
  noChange,
  phoneOf,
  targetOf,
  textValue,
  userIdSchema,
} from './shared.js';

/** Shared by `verify` and `unverify`: which claim, and its value (default: the user's current one). */
const verificationInput = z.object({
  userId: userIdSchema,
  claim: z.enum(['email', 'phone_number'], { error: 'Choose `email` or `phone`.' }),
  value: z.string().trim().max(320, 'That value is too long.').optional(),
});
export type VerificationInput = z.output<typeof verificationInput>;

const CLAIM_WORDS: Record<string, string> = {
  email: 'email',
  phone: 'phone_number',
  phone_number: 'phone_number',
};
const CLAIM_TEXT = { email: 'email', phone_number: 'phone number' } as const;

/** The value the verified status is set for: the one given, else the user's current email or phone. */
export const claimValueOf = (input: VerificationInput, user: AuthgearUser): string | undefined =>
  input.value && input.value !== '' ? input.value : input.claim === 'email' ? emailOf(user) : phoneOf(user);

const same = (claim: string, a: string, b: string): boolean =>
  claim === 'email' ? a.toLowerCase() === b.toLowerCase() : a === b;

export const isVerified = (user: AuthgearUser, claim: string, value: string): boolean =>
  user.verifiedClaims.some((c) => c.name === claim && same(claim, c.value, value));

const requireValue = (input: VerificationInput, user: AuthgearUser): string => {
  const value = claimValueOf(input, user);
  if (value === undefined)
    throw new AppError('state.conflict', `${labelOf(user)} has no ${CLAIM_TEXT[input.claim]} to mark.`);
  return value;
};

/** `verify` (isVerified = true) or `unverify` (false): one setVerifiedStatus mutation. */
export const verificationAction = (
  key: ActionKey,
  verified: boolean,
): ActionDefinition<VerificationInput> => {
  const verb = verified ? 'verify' : 'unverify';
  const state = verified ? 'verified' : 'unverified';
  return defineAction<VerificationInput>({
    key,
    verbs: [verb],
    permission: 'user.verify',
    title: verified ? 'Mark as verified' : 'Mark as unverified',
    usage: `${verb} <who> email|phone [value]`,
    description: `Mark the user's email or phone (default: the current one) as ${state}.`,
    input: verificationInput,
    fromArgs: (args) => {
      const [claim, ...rest] = args;
      if (claim === undefined) return 'modal';
      const value = joinArgs(rest);
      return { claim: CLAIM_WORDS[claim.toLowerCase()] ?? claim, ...(value ? { value } : {}) };
    },
    fields: (user) => [
      {
        kind: 'select',
        id: 'claim',
        label: 'Claim',
        options: [
          { value: 'email', label: `Email${user && emailOf(user) ? ` (${emailOf(user)})` : ''}` },
          { value: 'phone_number', label: `Phone${user && phoneOf(user) ? ` (${phoneOf(user)})` : ''}` },
        ],
        initial: 'email',
      },
      {
        kind: 'text',
        id: 'value',
        label: 'Value',
        optional: true,
        hint: 'Leave empty to use the current email or phone.',
        maxLength: 320,
      },
    ],
    fromFields: (values) => ({ claim: textValue(values, 'claim'), value: textValue(values, 'value') }),
    check: (input, user) => {
      if (user === undefined) return;
      const value = requireValue(input, user);
      if (isVerified(user, input.claim, value) === verified)
        noChange(`${safe(value, 200)} is already ${state} for ${labelOf(user)}.`);
    },
    confirm: (input, user) => ({
      title: verified ? 'Mark as verified' : 'Mark as unverified',
      target: labelOf(user),
      consequences: [
        `Their ${CLAIM_TEXT[input.claim]} ${safe((user && claimValueOf(input, user)) ?? '', 200)} is marked ${state}.`,
        ...(verified ? ['Only do this when you know they control it.'] : []),
      ],
      confirmLabel: verified ? 'Mark verified' : 'Mark unverified',
      danger: false,
    }),
    execute: async (ctx, input, user) => {
      const target = targetOf(user);
      const claimValue = requireValue(input, target);
      await ctx.api.run(
        setVerifiedStatus,
        { userID: input.userId, claimName: input.claim, claimValue, isVerified: verified },
        ctx.auditContext,
      );
      return { message: `${safe(claimValue, 200)} of ${labelOf(target)} is marked ${state}.` };
    },
    summary: (input, user) =>
      `Mark the ${CLAIM_TEXT[input.claim]}${user ? ` ${safe(claimValueOf(input, user) ?? '', 200)}` : ''} of ${labelOf(user)} ${state}`,
  });
};
