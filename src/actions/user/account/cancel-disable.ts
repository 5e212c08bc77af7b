import { scheduledWindow } from '../../../authgear/account-state.js';
import { setDisabledStatus } from '../../../authgear/operations/account.js';
import { AppError } from '../../../errors.js';
import { ActionKeys } from '../../keys.js';
import { defineAction } from '../../types.js';
import { labelOf, noChange, targetOf, type UserOnlyInput, userOnly, whenText } from './shared.js';

/**
 * A window wholly in the past. Authgear has no "cancel" for a temporary disable that has not started:
 * re-enabling fails (the account is not disabled yet), and disabling now would end the user's sessions. Setting
 * a window that is already over works from that state, and Authgear drops such a window at once
 * (account_status.go `normalizeOnChange`), leaving the account as it was, without the scheduled window or reason.
 */
export const PAST_WINDOW = { from: '1970-01-01T00:00:00Z', until: '1970-01-01T00:00:01Z' } as const;

export const cancelDisableAction = defineAction<UserOnlyInput>({
  key: ActionKeys.cancelDisable,
  verbs: ['cancel-disable'],
  permission: 'user.enable',
  title: 'Cancel scheduled disable',
  usage: 'cancel-disable <who>',
  description: 'Cancel a temporary disable that has not started yet; the account stays as it is.',
  cardButton: { label: 'Cancel scheduled disable', show: (u, now) => scheduledWindow(u, now) !== undefined },
  input: userOnly,
  fromArgs: () => ({}),
  check: (_input, user, now) => {
    if (user === undefined) return;
    if (scheduledWindow(user, now) !== undefined) return;
    if (user.temporarilyDisabledFrom && user.isDisabled)
      throw new AppError('state.conflict', 'That temporary disable has started: use `enable` to end it.');
    noChange(`No disable is scheduled for ${labelOf(user)}.`);
  },
  confirm: (_input, user) => ({
    title: 'Cancel scheduled disable',
    target: labelOf(user),
    consequences: [
      user?.temporarilyDisabledFrom && user.temporarilyDisabledUntil
        ? `The disable scheduled from ${whenText(user.temporarilyDisabledFrom)} until ${whenText(user.temporarilyDisabledUntil)} is cancelled, with its reason.`
        : 'The scheduled disable is cancelled, with its reason.',
      'They keep signing in as now; their sessions are not touched.',
      "Authgear's own audit log shows this as a disable with a window in 1970, which it drops at once.",
    ],
    confirmLabel: 'Cancel the disable',
    danger: false,
  }),
  execute: async (ctx, input, user) => {
    const target = targetOf(user);
    await ctx.api.run(
      setDisabledStatus,
      {
        userID: input.userId,
        isDisabled: true,
        temporarilyDisabledFrom: PAST_WINDOW.from,
        temporarilyDisabledUntil: PAST_WINDOW.until,
      },
      ctx.auditContext,
    );
    return { message: `The scheduled disable of ${labelOf(target)} is cancelled.` };
  },
  summary: (_input, user) => `Cancel the scheduled disable of ${labelOf(user)}`,
});
