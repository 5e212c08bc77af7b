import { setPasswordExpired } from '../../../authgear/operations/account-credentials.js';
import { ActionKeys } from '../../keys.js';
import { defineAction } from '../../types.js';
import { labelOf, noChange, targetOf, type UserOnlyInput, userOnly } from './shared.js';

export const expirePasswordAction = defineAction<UserOnlyInput>({
  key: ActionKeys.expirePassword,
  verbs: ['expire-password'],
  permission: 'user.reset_password',
  title: 'Expire password',
  usage: 'expire-password <who>',
  description: 'Make a user change their password the next time they sign in.',
  input: userOnly,
  fromArgs: () => ({}),
  check: (_input, user) => {
    if (user && !user.authenticators.nodes.some((a) => a.kind === 'PRIMARY' && a.type === 'PASSWORD'))
      noChange(`${labelOf(user)} has no password to expire.`);
  },
  confirm: (_input, user) => ({
    title: 'Expire password',
    target: labelOf(user),
    consequences: ['They must choose a new password the next time they sign in.'],
    confirmLabel: 'Expire password',
    danger: false,
  }),
  execute: async (ctx, input, user) => {
    const target = targetOf(user);
    await ctx.api.run(setPasswordExpired, { userID: input.userId, expired: true }, ctx.auditContext);
    return { message: `${labelOf(target)} must change their password at next sign-in.` };
  },
  summary: (_input, user) => `Expire the password of ${labelOf(user)}`,
});
