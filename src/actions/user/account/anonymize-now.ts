import { anonymizeUser } from '../../../authgear/operations/account.js';
import { ActionKeys } from '../../keys.js';
import { defineAction } from '../../types.js';
import { labelOf, noChange, targetOf, type UserOnlyInput, userOnly } from './shared.js';

export const anonymizeNowAction = defineAction<UserOnlyInput>({
  key: ActionKeys.anonymizeNow,
  verbs: ['anonymize-now'],
  permission: 'user.anonymize',
  title: 'Anonymize user now',
  usage: 'anonymize-now <who>',
  description: "Erase the account's personal data immediately (no grace period).",
  input: userOnly,
  fromArgs: () => ({}),
  check: (_input, user) => {
    if (user?.isAnonymized) noChange(`${labelOf(user)} is already anonymized.`);
  },
  confirm: (_input, user) => ({
    title: 'Anonymize user now',
    target: labelOf(user),
    consequences: [
      'Their personal data, identities, authenticators and sessions are erased immediately. This cannot be undone.',
      'The account stays, disabled and anonymous.',
    ],
    confirmLabel: 'Anonymize permanently',
    danger: true,
  }),
  execute: async (ctx, input, user) => {
    const target = targetOf(user);
    await ctx.api.run(anonymizeUser, { userID: input.userId }, ctx.auditContext);
    return { message: `${labelOf(target)} is anonymized.` };
  },
  summary: (_input, user) => `Anonymize ${labelOf(user)} now`,
});
