import { z } from 'zod';
import { updateIdentity } from '../../../authgear/operations/records.js';
import type { AuthgearUser } from '../../../authgear/operations/user-fields.js';
import { safe } from '../../../blocks/primitives.js';
import { userLabel } from '../../../blocks/user-card.js';
import { AppError, ValidationError } from '../../../errors.js';
import { ActionKeys } from '../../keys.js';
import { defineAction } from '../../types.js';
import {
  describeIdentity,
  findIdentity,
  identityValue,
  loginIdKeyOf,
  type UserIdentity,
} from './credentials.js';
import {
  type LoginIdKey,
  loginIdDefinition,
  loginIdProblem,
  normalizeLoginId,
  unwrapSlackLink,
} from './login-id.js';
import { identityField } from './remove-identity.js';

const input = z.object({
  userId: z.string().min(1),
  identityId: z
    .string({ error: 'Choose the login ID to change.' })
    .trim()
    .min(1, 'Choose the login ID to change.')
    .max(400),
  loginId: z
    .string({ error: 'Enter the new login ID.' })
    .trim()
    .min(1, 'Enter the new login ID.')
    .max(320, 'That login ID is too long.'),
});
type Input = z.output<typeof input>;

const USAGE = 'update-identity <who> <current login ID or identity ID> <new value>';

/** The login-ID identity to change and the new value, checked against its kind (email/phone/username). */
const target = (i: Input, user: AuthgearUser): { identity: UserIdentity; key: LoginIdKey; value: string } => {
  const identity = findIdentity(user, i.identityId);
  const key = loginIdKeyOf(identity);
  if (key === undefined)
    throw new AppError(
      'input.invalid',
      'Only login IDs (email, phone number, username) can be changed here.',
    );
  const value = normalizeLoginId(key, i.loginId);
  const problem = loginIdProblem(key, value);
  if (problem !== undefined) throw new ValidationError(problem, { loginId: problem });
  return { identity, key, value };
};

export const updateIdentityAction = defineAction({
  key: ActionKeys.updateIdentity,
  verbs: ['update-identity'],
  permission: 'user.identities',
  title: 'Change login ID',
  usage: USAGE,
  description: "Changes the value of one of the user's login IDs (email, phone number or username).",
  input,
  fromArgs: (args) => {
    if (args.length === 0) return 'modal';
    const [ref, value] = args;
    if (ref === undefined || value === undefined || args.length > 2)
      throw new AppError('input.usage', `Usage: \`/authgear ${USAGE}\``);
    return { identityId: ref, loginId: unwrapSlackLink(value) };
  },
  fields: (user) => [
    identityField(
      user === undefined
        ? undefined
        : {
            ...user,
            identities: {
              ...user.identities,
              nodes: user.identities.nodes.filter((x) => loginIdKeyOf(x) !== undefined),
            },
          },
      'Login ID to change',
    ),
    { kind: 'text', id: 'loginId', label: 'New value', maxLength: 320 },
  ],
  fromFields: (v) => ({ identityId: v.identityId, loginId: v.loginId }),
  check: (i, user) => {
    if (user === undefined) return;
    const { identity, value } = target(i, user);
    if (identityValue(identity)?.toLowerCase() === value.toLowerCase())
      throw new AppError('state.no_change', 'That login ID already has this value.');
  },
  confirm: (i, user) => {
    const t = user === undefined ? undefined : target(i, user);
    return {
      title: 'Change login ID',
      target: user === undefined ? safe(i.userId, 200) : userLabel(user),
      consequences: [
        `${t === undefined ? safe(i.identityId, 200) : describeIdentity(t.identity)} becomes ${safe(t?.value ?? i.loginId, 320)}.`,
        'The user signs in with the new value from now on; the old one stops working.',
      ],
      confirmLabel: 'Change login ID',
      danger: false,
    };
  },
  execute: async (ctx, i, user) => {
    if (user === undefined) throw new AppError('user.not_found', 'That Authgear user no longer exists.');
    const t = target(i, user);
    await ctx.api.run(
      updateIdentity,
      {
        input: { userID: user.id, identityID: t.identity.id, definition: loginIdDefinition(t.key, t.value) },
      },
      ctx.auditContext,
    );
    return {
      message: `Changed ${describeIdentity(t.identity)} to ${safe(t.value, 320)} for ${userLabel(user)}.`,
    };
  },
  summary: (i) => `Changed a login ID to ${safe(i.loginId, 320)}`,
});
