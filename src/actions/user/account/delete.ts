import { z } from 'zod';
import { scheduleAccountDeletion } from '../../../authgear/operations/account.js';
import { ActionKeys } from '../../keys.js';
import { defineAction } from '../../types.js';
import { joinArgs, labelOf, noChange, optionalReason, quoted, targetOf, userIdSchema } from './shared.js';

const deleteInput = z.object({ userId: userIdSchema, reason: optionalReason });
export type DeleteInput = z.output<typeof deleteInput>;

export const deleteAction = defineAction<DeleteInput>({
  key: ActionKeys.delete,
  verbs: ['delete'],
  permission: 'user.delete',
  title: 'Schedule deletion',
  usage: 'delete <who> [reason…]',
  description: "Schedule the account's deletion after Authgear's grace period (it is disabled meanwhile).",
  cardButton: { label: 'Schedule deletion', style: 'danger', show: (u) => !u.deleteAt && !u.isAnonymized },
  input: deleteInput,
  fromArgs: (args) => {
    const reason = joinArgs(args);
    return reason === undefined ? {} : { reason };
  },
  check: (_input, user) => {
    if (user?.deleteAt) noChange(`Deletion of ${labelOf(user)} is already scheduled.`);
  },
  confirm: (input, user) => ({
    title: 'Schedule deletion',
    target: labelOf(user),
    consequences: [
      'The account is disabled now and deleted for good when the grace period set in Authgear ends.',
      'Until then, `cancel-delete` keeps the account.',
      ...(input.reason ? [`Reason: ${quoted(input.reason)}`] : []),
    ],
    confirmLabel: 'Schedule deletion',
    danger: true,
  }),
  execute: async (ctx, input, user) => {
    const target = targetOf(user);
    await ctx.api.run(
      scheduleAccountDeletion,
      { userID: input.userId, ...(input.reason ? { reason: input.reason } : {}) },
      ctx.auditContext,
    );
    return { message: `Deletion of ${labelOf(target)} is scheduled; the account is disabled meanwhile.` };
  },
  summary: (_input, user) => `Schedule deletion of ${labelOf(user)}`,
});
