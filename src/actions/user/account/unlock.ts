import { resetAccountLockout } from '../../../authgear/operations/account.js';
import { ActionKeys } from '../../keys.js';
import { defineAction } from '../../types.js';
import { labelOf, noChange, targetOf, type UserOnlyInput, userOnly } from './shared.js';

export const unlockAction = defineAction<UserOnlyInput>({
  key: ActionKeys.unlock,
  verbs: ['unlock'],
  permission: 'user.disable',
  title: 'Unlock account',
  usage: 'unlock <who>',
  description: 'Clear a lockout after too many failed sign-in attempts.',
  cardButton: { label: 'Unlock', style: 'primary', show: (u) => u.accountLockout?.isLocked === true },
  input: userOnly,
  fromArgs: () => ({}),
  check: (_input, user) => {
    if (user && !user.accountLockout?.isLocked) noChange(`${labelOf(user)} is not locked out.`);
  },
  confirm: (_input, user) => ({
    title: 'Unlock account',
    target: labelOf(user),
    consequences: ['The lockout from failed sign-in attempts is cleared; they can try to sign in again now.'],
    confirmLabel: 'Unlock',
    danger: false,
  }),
  execute: async (ctx, input, user) => {
    const target = targetOf(user);
    await ctx.api.run(resetAccountLockout, { userID: input.userId }, ctx.auditContext);
    return { message: `${labelOf(target)} is unlocked.` };
  },
  summary: (_input, user) => `Unlock ${labelOf(user)}`,
});
