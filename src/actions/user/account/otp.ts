import { z } from 'zod';
import { generateOOBOTPCode } from '../../../authgear/operations/account-credentials.js';
import type { AuthgearUser } from '../../../authgear/operations/user-fields.js';
import { safe } from '../../../blocks/primitives.js';
import { AppError } from '../../../errors.js';
import { ActionKeys } from '../../keys.js';
import { defineAction } from '../../types.js';
import { emailOf, labelOf, phoneOf, targetOf, userIdSchema } from './shared.js';

const otpInput = z.object({
  userId: userIdSchema,
  purpose: z
    .enum(['LOGIN', 'VERIFICATION'], { error: 'The purpose is `login` or `verification`.' })
    .default('LOGIN'),
  channel: z.enum(['email', 'phone'], { error: 'Send it for `email` or `phone`.' }).optional(),
});
export type OtpInput = z.output<typeof otpInput>;

/** The email or phone the code is generated for: the chosen channel, else the email, else the phone. */
export const otpTargetOf = (input: Pick<OtpInput, 'channel'>, user: AuthgearUser): string | undefined =>
  input.channel === 'phone'
    ? phoneOf(user)
    : input.channel === 'email'
      ? emailOf(user)
      : (emailOf(user) ?? phoneOf(user));

const requireTarget = (input: OtpInput, user: AuthgearUser): string => {
  const target = otpTargetOf(input, user);
  if (target === undefined)
    throw new AppError(
      'state.conflict',
      `${labelOf(user)} has no ${input.channel === 'phone' ? 'phone number' : input.channel === 'email' ? 'email' : 'email or phone'} for a one-time code.`,
    );
  return target;
};

const purposeText = (input: OtpInput): string =>
  input.purpose === 'VERIFICATION' ? 'verification' : 'login';

export const otpAction = defineAction<OtpInput>({
  key: ActionKeys.otp,
  verbs: ['otp'],
  permission: 'user.otp',
  title: 'One-time code',
  usage: 'otp <who> [login|verification] [email|phone]',
  description: 'Generate a one-time code for the user (default: login) and show it only to you.',
  cardButton: { label: 'One-time code', show: (u) => emailOf(u) !== undefined || phoneOf(u) !== undefined },
  input: otpInput,
  fromArgs: (args) => {
    const out: Record<string, unknown> = {};
    for (const word of args.map((a) => a.toLowerCase())) {
      if (word === 'email' || word === 'phone') out.channel = word;
      else out.purpose = word.toUpperCase();
    }
    return out;
  },
  check: (input, user) => {
    if (user) requireTarget(input, user);
  },
  confirm: (input, user) => ({
    title: 'Generate a one-time code',
    target: labelOf(user),
    consequences: [
      `A ${purposeText(input)} code for ${user ? safe(otpTargetOf(input, user) ?? 'their contact', 200) : 'them'} is shown only to you, once.`,
      'Give it to the user only after you have checked who they are.',
    ],
    confirmLabel: 'Generate code',
    danger: false,
  }),
  execute: async (ctx, input, user) => {
    const target = requireTarget(input, targetOf(user));
    const data = await ctx.api.run(generateOOBOTPCode, { target, purpose: input.purpose }, ctx.auditContext);
    return {
      message: `One-time ${purposeText(input)} code for ${safe(target, 200)}.`,
      secret: { label: 'One-time code', value: data.generateOOBOTPCode.code },
    };
  },
  summary: (input, user) => `Generate a one-time ${purposeText(input)} code for ${labelOf(user)}`,
});
