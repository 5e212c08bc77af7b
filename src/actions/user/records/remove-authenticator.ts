import { z } from 'zod';
import { deleteAuthenticator } from '../../../authgear/operations/records.js';
import { safe } from '../../../blocks/primitives.js';
import { userLabel } from '../../../blocks/user-card.js';
import { AppError } from '../../../errors.js';
import { ActionKeys } from '../../keys.js';
import { defineAction } from '../../types.js';
import { describeAuthenticator, findAuthenticator } from './credentials.js';

const input = z.object({
  userId: z.string().min(1),
  authenticatorId: z
    .string({ error: 'Choose the authenticator to remove.' })
    .trim()
    .min(1, 'Choose the authenticator to remove.')
    .max(400),
});

const USAGE = 'remove-authenticator <who> <authenticator ID>';

export const removeAuthenticatorAction = defineAction({
  key: ActionKeys.removeAuthenticator,
  verbs: ['remove-authenticator'],
  permission: 'user.mfa',
  irreversible: true,
  title: 'Remove authenticator',
  usage: USAGE,
  description:
    'Removes an authenticator (an MFA app, OTP phone or email, a password...). See them with `mfa <who>`.',
  input,
  fromArgs: (args) => {
    if (args.length === 0) return 'modal';
    if (args.length > 1) throw new AppError('input.usage', `Usage: \`/authgear ${USAGE}\``);
    return { authenticatorId: args[0] };
  },
  fields: (user) => [
    {
      kind: 'select',
      id: 'authenticatorId',
      label: 'Authenticator to remove',
      options: (user?.authenticators.nodes ?? []).map((a) => ({
        value: a.id,
        label: `${a.kind.toLowerCase()} ${a.type.replace(/_/g, ' ')}`,
      })),
    },
  ],
  fromFields: (v) => ({ authenticatorId: v.authenticatorId }),
  check: (i, user) => {
    if (user !== undefined) findAuthenticator(user, i.authenticatorId);
  },
  confirm: (i, user) => {
    const a = user === undefined ? undefined : findAuthenticator(user, i.authenticatorId);
    const what = a === undefined ? safe(i.authenticatorId, 200) : describeAuthenticator(a);
    return {
      title: 'Remove authenticator',
      target: user === undefined ? safe(i.userId, 200) : userLabel(user),
      consequences: [
        `The user can no longer use ${what} to sign in. This cannot be undone: they must enrol it again.`,
        a?.kind === 'SECONDARY'
          ? 'If it was their only second factor, they may be asked to set up a new one at next sign-in.'
          : 'If it was their password, they need another way to sign in.',
      ],
      confirmLabel: 'Remove authenticator',
      danger: true,
    };
  },
  execute: async (ctx, i, user) => {
    const a = user === undefined ? undefined : findAuthenticator(user, i.authenticatorId);
    await ctx.api.run(
      deleteAuthenticator,
      { input: { authenticatorID: a?.id ?? i.authenticatorId } },
      ctx.auditContext,
    );
    const what = a === undefined ? 'the authenticator' : describeAuthenticator(a);
    return { message: `Removed ${what} from ${user === undefined ? 'the user' : userLabel(user)}.` };
  },
  summary: (i, user) => {
    const a = user?.authenticators.nodes.find((x) => x.id === i.authenticatorId);
    return `Removed authenticator ${a === undefined ? safe(i.authenticatorId, 200) : describeAuthenticator(a)}`;
  },
});
