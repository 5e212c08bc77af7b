import { z } from 'zod';
import { deleteUser } from '../../../authgear/operations/account.js';
import { ActionKeys } from '../../keys.js';
import { defineAction } from '../../types.js';
import { joinArgs, labelOf, optionalReason, quoted, targetOf, userIdSchema } from './shared.js';

const deleteNowInput = z.object({ userId: userIdSchema, reason: optionalReason });
export type DeleteNowInput = z.output<typeof deleteNowInput>;

export const deleteNowAction = defineAction<DeleteNowInput>({
  key: ActionKeys.deleteNow,
  verbs: ['delete-now'],
  permission: 'user.delete',
  irreversible: true,
  title: 'Delete user now',
  usage: 'delete-now <who> [reason…]',
  description: 'Delete the account immediately and permanently (no grace period).',
  input: deleteNowInput,
  fromArgs: (args) => {
    const reason = joinArgs(args);
    return reason === undefined ? {} : { reason };
  },
  confirm: (input, user) => ({
    title: 'Delete user now',
    target: labelOf(user),
    consequences: [
      'The account and all its data are deleted immediately. This cannot be undone.',
      'To keep a way back, use `delete` (scheduled deletion) instead.',
      ...(input.reason ? [`Reason: ${quoted(input.reason)}`] : []),
    ],
    confirmLabel: 'Delete permanently',
    danger: true,
  }),
  execute: async (ctx, input, user) => {
    const target = targetOf(user);
    await ctx.api.run(
      deleteUser,
      { userID: input.userId, ...(input.reason ? { reason: input.reason } : {}) },
      ctx.auditContext,
    );
    return { message: `${labelOf(target)} is deleted.` };
  },
  summary: (_input, user) => `Delete ${labelOf(user)} now`,
});
