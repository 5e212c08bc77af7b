import { setDisabledStatus } from '../../../authgear/operations/account.js';
import { AppError } from '../../../errors.js';
import { ActionKeys } from '../../keys.js';
import { defineAction } from '../../types.js';
import { labelOf, noChange, targetOf, type UserOnlyInput, userOnly } from './shared.js';

export const enableAction = defineAction<UserOnlyInput>({
  key: ActionKeys.enable,
  verbs: ['enable'],
  permission: 'user.enable',
  title: 'Enable user',
  usage: 'enable <who>',
  description: 'Enable a disabled account so it can sign in again.',
  cardButton: {
    label: 'Enable',
    style: 'primary',
    show: (u) => u.isDisabled && !u.deleteAt && !u.anonymizeAt && !u.isAnonymized,
  },
  input: userOnly,
  fromArgs: () => ({}),
  check: (_input, user) => {
    if (user === undefined) return;
    if (!user.isDisabled) noChange(`${labelOf(user)} is not disabled.`);
    if (user.deleteAt)
      throw new AppError(
        'state.conflict',
        'Its deletion is scheduled: use `cancel-delete` to keep the account.',
      );
    if (user.anonymizeAt)
      throw new AppError(
        'state.conflict',
        'Its anonymization is scheduled: use `cancel-anonymize` to keep the account.',
      );
    if (user.isAnonymized) throw new AppError('state.conflict', 'An anonymized account cannot be enabled.');
  },
  confirm: (_input, user) => ({
    title: 'Enable user',
    target: labelOf(user),
    consequences: ['They can sign in again.', 'The disable reason and any temporary window are cleared.'],
    confirmLabel: 'Enable',
    danger: false,
  }),
  execute: async (ctx, input, user) => {
    const target = targetOf(user);
    await ctx.api.run(setDisabledStatus, { userID: input.userId, isDisabled: false }, ctx.auditContext);
    return { message: `${labelOf(target)} is enabled and can sign in again.` };
  },
  summary: (_input, user) => `Enable ${labelOf(user)}`,
});
