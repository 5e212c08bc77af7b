import { revokeAllSessions } from '../../../authgear/operations/account-sessions.js';
import { ActionKeys } from '../../keys.js';
import { defineAction } from '../../types.js';
import { labelOf, noChange, targetOf, type UserOnlyInput, userOnly } from './shared.js';

export const signoutAction = defineAction<UserOnlyInput>({
  key: ActionKeys.signout,
  verbs: ['signout'],
  permission: 'user.revoke_sessions',
  title: 'Sign out everywhere',
  usage: 'signout <who>',
  description: 'Revoke all of the user’s sessions, signing them out on every device.',
  cardButton: { label: 'Sign out everywhere', show: (u) => u.sessions.totalCount > 0 },
  input: userOnly,
  fromArgs: () => ({}),
  check: (_input, user) => {
    if (user && user.sessions.totalCount === 0) noChange(`${labelOf(user)} has no active sessions.`);
  },
  confirm: (_input, user) => ({
    title: 'Sign out everywhere',
    target: labelOf(user),
    consequences: [
      `All ${user ? `${user.sessions.totalCount} ` : ''}sessions are revoked: they are signed out on every device and app.`,
      'They can sign in again unless the account is disabled.',
    ],
    confirmLabel: 'Sign out everywhere',
    danger: true,
  }),
  execute: async (ctx, input, user) => {
    const target = targetOf(user);
    await ctx.api.run(revokeAllSessions, { userID: input.userId }, ctx.auditContext);
    return { message: `${labelOf(target)} is signed out everywhere.` };
  },
  summary: (_input, user) => `Revoke all sessions of ${labelOf(user)}`,
});
