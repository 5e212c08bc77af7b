import { scheduleAccountAnonymization } from '../../../authgear/operations/account.js';
import { ActionKeys } from '../../keys.js';
import { defineAction } from '../../types.js';
import { labelOf, noChange, targetOf, type UserOnlyInput, userOnly } from './shared.js';

export const anonymizeAction = defineAction<UserOnlyInput>({
  key: ActionKeys.anonymize,
  verbs: ['anonymize'],
  permission: 'user.anonymize',
  title: 'Schedule anonymization',
  usage: 'anonymize <who>',
  description:
    "Schedule the account's anonymization after Authgear's grace period (it is disabled meanwhile).",
  input: userOnly,
  fromArgs: () => ({}),
  check: (_input, user) => {
    if (user?.isAnonymized) noChange(`${labelOf(user)} is already anonymized.`);
    if (user?.anonymizeAt) noChange(`Anonymization of ${labelOf(user)} is already scheduled.`);
  },
  confirm: (_input, user) => ({
    title: 'Schedule anonymization',
    target: labelOf(user),
    consequences: [
      'The account is disabled now; when the grace period set in Authgear ends, its personal data is erased.',
      'Until then, `cancel-anonymize` keeps the account.',
    ],
    confirmLabel: 'Schedule anonymization',
    danger: true,
  }),
  execute: async (ctx, input, user) => {
    const target = targetOf(user);
    await ctx.api.run(scheduleAccountAnonymization, { userID: input.userId }, ctx.auditContext);
    return {
      message: `Anonymization of ${labelOf(target)} is scheduled; the account is disabled meanwhile.`,
    };
  },
  summary: (_input, user) => `Schedule anonymization of ${labelOf(user)}`,
});
