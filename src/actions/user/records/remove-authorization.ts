import { z } from 'zod';
import {
  type AuthgearAuthorization,
  deleteAuthorization,
  getUserAuthorizations,
} from '../../../authgear/operations/records.js';
import { safe } from '../../../blocks/primitives.js';
import { userLabel } from '../../../blocks/user-card.js';
import { AppError } from '../../../errors.js';
import { ActionKeys } from '../../keys.js';
import { type ActionContext, defineAction } from '../../types.js';

const input = z.object({
  userId: z.string().min(1),
  authorizationId: z
    .string({ error: 'Enter the authorization ID or the app’s client ID.' })
    .trim()
    .min(1, 'Enter the authorization ID or the app’s client ID.')
    .max(400),
});

const USAGE = 'remove-authorization <who> <authorization ID or client ID>';

/** The user's authorizations, read fresh (they are not part of the user card). */
export const authorizationsOf = async (
  ctx: Pick<ActionContext, 'api' | 'auditContext'>,
  userId: string,
): Promise<AuthgearAuthorization[]> => {
  const { node } = await ctx.api.run(getUserAuthorizations, { id: userId }, ctx.auditContext);
  if (node === null || !('authorizations' in node))
    throw new AppError('user.not_found', 'That Authgear user no longer exists.');
  return node.authorizations.nodes;
};

export const removeAuthorizationAction = defineAction({
  key: ActionKeys.removeAuthorization,
  verbs: ['remove-authorization'],
  permission: 'user.authorizations',
  title: 'Remove app authorization',
  usage: USAGE,
  description:
    'Revokes a third-party app’s access the user granted (OAuth consent). See them with `authorizations <who>`.',
  input,
  fromArgs: (args) => {
    if (args.length !== 1) throw new AppError('input.usage', `Usage: \`/authgear ${USAGE}\``);
    return { authorizationId: args[0] };
  },
  confirm: (i, user) => ({
    title: 'Remove app authorization',
    target: user === undefined ? safe(i.userId, 200) : userLabel(user),
    consequences: [
      `The authorization ${safe(i.authorizationId, 200)} is removed: that app loses the access the user granted.`,
      'The app must ask the user for consent again.',
    ],
    confirmLabel: 'Remove authorization',
    danger: true,
  }),
  execute: async (ctx, i) => {
    const all = await authorizationsOf(ctx, i.userId);
    const found =
      all.find((a) => a.id === i.authorizationId) ?? all.find((a) => a.clientID === i.authorizationId);
    if (found === undefined)
      throw new AppError('state.no_change', 'That user has no such authorization (it may already be gone).');
    await ctx.api.run(deleteAuthorization, { input: { authorizationID: found.id } }, ctx.auditContext);
    return { message: `Removed the authorization of ${safe(found.clientID, 200)}.` };
  },
  summary: (i) => `Removed app authorization ${safe(i.authorizationId, 200)}`,
});
