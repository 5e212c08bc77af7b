import { accountState, canEnable, scheduledWindow } from '../../../authgear/account-state.js';
import { setDisabledStatus } from '../../../authgear/operations/account.js';
import { AppError } from '../../../errors.js';
import { ActionKeys } from '../../keys.js';
import { defineAction } from '../../types.js';
import { labelOf, noChange, targetOf, type UserOnlyInput, userOnly, whenText } from './shared.js';

export const enableAction = defineAction<UserOnlyInput>({
  key: ActionKeys.enable,
  verbs: ['enable'],
  permission: 'user.enable',
  title: 'Enable user',
  usage: 'enable <who>',
  description: 'Enable a disabled account so it can sign in again.',
  // Authgear re-enables only a disable (account_status.go Reenable): not the valid period, not a schedule.
  cardButton: { label: 'Enable', style: 'primary', show: (u, now) => canEnable(accountState(u, now)) },
  input: userOnly,
  fromArgs: () => ({}),
  check: (_input, user, now) => {
    if (user === undefined) return;
    const state = accountState(user, now);
    switch (state.kind) {
      case 'disabled':
      case 'temporarily_disabled':
        return;
      case 'scheduled_deletion':
        throw new AppError(
          'state.conflict',
          'Its deletion is scheduled: use `cancel-delete` to keep the account.',
        );
      case 'scheduled_anonymization':
        throw new AppError(
          'state.conflict',
          'Its anonymization is scheduled: use `cancel-anonymize` to keep the account.',
        );
      case 'anonymized':
        throw new AppError('state.conflict', 'An anonymized account cannot be enabled.');
      case 'not_yet_valid':
      case 'expired':
        throw new AppError(
          'state.conflict',
          `${labelOf(user)} is outside their account valid period (${state.kind === 'expired' ? `it ended ${whenText(state.until)}` : `it starts ${whenText(state.from)}`}), which Enable cannot change. Use \`/authgear valid-period <who>\` to change the period.`,
        );
      case 'active':
        if (scheduledWindow(user, now))
          throw new AppError(
            'state.conflict',
            'A disable is scheduled but has not started: use `cancel-disable` to cancel it.',
          );
        noChange(`${labelOf(user)} is not disabled.`);
    }
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
