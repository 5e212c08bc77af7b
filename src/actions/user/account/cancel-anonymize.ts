import { unscheduleAccountAnonymization } from '../../../authgear/operations/account.js';
import { ActionKeys } from '../../keys.js';
import { defineAction } from '../../types.js';
import { labelOf, noChange, targetOf, type UserOnlyInput, userOnly, whenText } from './shared.js';

export const cancelAnonymizeAction = defineAction<UserOnlyInput>({
  key: ActionKeys.cancelAnonymize,
  verbs: ['cancel-anonymize'],
  permission: 'user.anonymize',
  title: 'Cancel anonymization',
  usage: 'cancel-anonymize <who>',
  description: 'Cancel a scheduled anonymization; the account becomes active again.',
  input: userOnly,
  fromArgs: () => ({}),
  check: (_input, user) => {
    if (user && !user.anonymizeAt) noChange(`No anonymization is scheduled for ${labelOf(user)}.`);
  },
  confirm: (_input, user) => ({
    title: 'Cancel anonymization',
    target: labelOf(user),
    consequences: [
      `The anonymization${user?.anonymizeAt ? ` scheduled for ${whenText(user.anonymizeAt)}` : ''} is cancelled.`,
      'The account is enabled again.',
    ],
    confirmLabel: 'Cancel anonymization',
    danger: false,
  }),
  execute: async (ctx, input, user) => {
    const target = targetOf(user);
    await ctx.api.run(unscheduleAccountAnonymization, { userID: input.userId }, ctx.auditContext);
    return { message: `Anonymization of ${labelOf(target)} is cancelled; the account is active again.` };
  },
  summary: (_input, user) => `Cancel the scheduled anonymization of ${labelOf(user)}`,
});
