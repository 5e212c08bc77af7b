import { unscheduleAccountDeletion } from '../../../authgear/operations/account.js';
import { ActionKeys } from '../../keys.js';
import { defineAction } from '../../types.js';
import { labelOf, noChange, targetOf, type UserOnlyInput, userOnly, whenText } from './shared.js';

export const cancelDeleteAction = defineAction<UserOnlyInput>({
  key: ActionKeys.cancelDelete,
  verbs: ['cancel-delete'],
  permission: 'user.delete',
  title: 'Cancel deletion',
  usage: 'cancel-delete <who>',
  description: 'Cancel a scheduled deletion; the account becomes active again.',
  cardButton: { label: 'Cancel deletion', style: 'primary', show: (u) => Boolean(u.deleteAt) },
  input: userOnly,
  fromArgs: () => ({}),
  check: (_input, user) => {
    if (user && !user.deleteAt) noChange(`No deletion is scheduled for ${labelOf(user)}.`);
  },
  confirm: (_input, user) => ({
    title: 'Cancel deletion',
    target: labelOf(user),
    consequences: [
      `The deletion${user?.deleteAt ? ` scheduled for ${whenText(user.deleteAt)}` : ''} is cancelled.`,
      'The account is enabled again.',
    ],
    confirmLabel: 'Cancel deletion',
    danger: false,
  }),
  execute: async (ctx, input, user) => {
    const target = targetOf(user);
    await ctx.api.run(unscheduleAccountDeletion, { userID: input.userId }, ctx.auditContext);
    return { message: `Deletion of ${labelOf(target)} is cancelled; the account is active again.` };
  },
  summary: (_input, user) => `Cancel the scheduled deletion of ${labelOf(user)}`,
});
