import { sendResetPasswordMessage } from '../../../authgear/operations/account-credentials.js';
import type { AuthgearUser } from '../../../authgear/operations/user-fields.js';
import { safe } from '../../../blocks/primitives.js';
import { AppError } from '../../../errors.js';
import { ActionKeys } from '../../keys.js';
import { defineAction } from '../../types.js';
import { labelOf, loginIdOf, targetOf, type UserOnlyInput, userOnly } from './shared.js';

/**
 * The login ID Authgear sends the reset message to: the email login ID, else the phone one. Authgear finds the
 * account only through login IDs (forgotpassword/service.go SendCode), never through profile attributes.
 */
export const resetLoginIdOf = (user: AuthgearUser): string | undefined =>
  loginIdOf(user, 'email') ?? loginIdOf(user, 'phone');

const requireLoginId = (user: AuthgearUser): string => {
  const loginId = resetLoginIdOf(user);
  if (loginId === undefined)
    throw new AppError(
      'state.conflict',
      `${labelOf(user)} has no email or phone login ID, so Authgear has nowhere to send a reset message.`,
    );
  return loginId;
};

export const sendResetAction = defineAction<UserOnlyInput>({
  key: ActionKeys.sendReset,
  verbs: ['send-reset'],
  permission: 'user.send_reset',
  title: 'Send password reset',
  usage: 'send-reset <who>',
  description: "Send the user Authgear's reset-password message (a link or code to their email or phone).",
  cardButton: { label: 'Send reset link', show: (u) => resetLoginIdOf(u) !== undefined },
  input: userOnly,
  fromArgs: () => ({}),
  check: (_input, user) => {
    if (user) requireLoginId(user);
  },
  confirm: (_input, user) => ({
    title: 'Send password reset',
    target: labelOf(user),
    consequences: [
      `Authgear sends a reset-password message to ${user ? safe(resetLoginIdOf(user) ?? 'their contact', 200) : 'them'}.`,
      'Their current password keeps working until they reset it.',
    ],
    confirmLabel: 'Send',
    danger: false,
  }),
  execute: async (ctx, _input, user) => {
    const target = targetOf(user);
    const loginID = requireLoginId(target);
    await ctx.api.run(sendResetPasswordMessage, { loginID }, ctx.auditContext);
    return { message: `Authgear sent a reset-password message to ${safe(loginID, 200)}.` };
  },
  summary: (_input, user) => `Send a reset-password message to ${labelOf(user)}`,
});
