import { z } from 'zod';
import { deleteIdentity } from '../../../authgear/operations/records.js';
import type { AuthgearUser } from '../../../authgear/operations/user-fields.js';
import { safe } from '../../../blocks/primitives.js';
import { userLabel } from '../../../blocks/user-card.js';
import { AppError } from '../../../errors.js';
import { ActionKeys } from '../../keys.js';
import type { FieldSpec } from '../../types.js';
import { defineAction } from '../../types.js';
import { describeIdentity, findIdentity, identityValue, loginIdKeyOf } from './credentials.js';

const input = z.object({
  userId: z.string().min(1),
  identityId: z
    .string({ error: 'Choose the identity to remove.' })
    .trim()
    .min(1, 'Choose the identity to remove.')
    .max(400),
});

const USAGE = 'remove-identity <who> <identity ID or login ID>';

/** A select of the user's identities (plain-text labels: Slack does not render mrkdwn there). */
export const identityField = (user: AuthgearUser | undefined, label: string): FieldSpec => ({
  kind: 'select',
  id: 'identityId',
  label,
  options: (user?.identities.nodes ?? []).map((i) => ({
    value: i.id,
    label: `${loginIdKeyOf(i) ?? i.type.toLowerCase()} ${identityValue(i) ?? ''}`.trim(),
  })),
});

export const removeIdentityAction = defineAction({
  key: ActionKeys.removeIdentity,
  verbs: ['remove-identity'],
  permission: 'user.identities',
  title: 'Remove identity',
  usage: USAGE,
  description: 'Removes one way the user signs in (a login ID, a social login...). The last one cannot go.',
  input,
  fromArgs: (args) => {
    if (args.length === 0) return 'modal';
    if (args.length > 1) throw new AppError('input.usage', `Usage: \`/authgear ${USAGE}\``);
    return { identityId: args[0] };
  },
  fields: (user) => [identityField(user, 'Identity to remove')],
  fromFields: (v) => ({ identityId: v.identityId }),
  check: (i, user) => {
    if (user !== undefined) findIdentity(user, i.identityId);
  },
  confirm: (i, user) => {
    const identity = user === undefined ? undefined : findIdentity(user, i.identityId);
    const what = identity === undefined ? safe(i.identityId, 200) : describeIdentity(identity);
    return {
      title: 'Remove identity',
      target: user === undefined ? safe(i.userId, 200) : userLabel(user),
      consequences: [
        `The user can no longer sign in with ${what}.`,
        'Their other identities, sessions and attributes stay.',
      ],
      confirmLabel: 'Remove identity',
      danger: true,
    };
  },
  execute: async (ctx, i, user) => {
    const identity = user === undefined ? undefined : findIdentity(user, i.identityId);
    await ctx.api.run(
      deleteIdentity,
      { input: { identityID: identity?.id ?? i.identityId } },
      ctx.auditContext,
    );
    const what = identity === undefined ? 'the identity' : describeIdentity(identity);
    return { message: `Removed ${what} from ${user === undefined ? 'the user' : userLabel(user)}.` };
  },
  summary: (i, user) => {
    const identity = user?.identities.nodes.find((x) => x.id === i.identityId);
    return `Removed identity ${identity === undefined ? safe(i.identityId, 200) : describeIdentity(identity)}`;
  },
});
