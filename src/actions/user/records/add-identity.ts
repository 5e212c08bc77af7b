import { z } from 'zod';
import { LOGIN_ID_VALUE_CLAIM } from '../../../authgear/attributes.js';
import { createIdentity } from '../../../authgear/operations/records.js';
import type { AuthgearProject } from '../../../authgear/project.js';
import { safe } from '../../../blocks/primitives.js';
import { userLabel } from '../../../blocks/user-card.js';
import { AppError } from '../../../errors.js';
import { ActionKeys } from '../../keys.js';
import { type ActionDefinition, defineAction } from '../../types.js';
import { loginIdKeyOf } from './credentials.js';
import {
  type LoginIdKey,
  loginIdDefinition,
  loginIdFields,
  loginIdFormFields,
  loginIdFromToken,
  refineLoginId,
  requireConfiguredKey,
  withLoginIdKeyErrors,
} from './login-id.js';

const input = z.object({ userId: z.string().min(1), ...loginIdFields }).superRefine(refineLoginId);
type AddIdentityInput = z.output<typeof input>;

const KEY_NAMES: Record<LoginIdKey, string> = { email: 'email', phone: 'phone number', username: 'username' };
const USAGE = 'add-identity <who> <email|phone|username>';

/** `add-identity`, offering only the login ID keys the project has turned on. */
export const makeAddIdentityAction = (project: AuthgearProject): ActionDefinition<AddIdentityInput> =>
  defineAction({
    key: ActionKeys.addIdentity,
    verbs: ['add-identity'],
    permission: 'user.identities',
    title: 'Add login ID',
    usage: USAGE,
    description: 'Adds a login ID (email, phone number or username) the user can sign in with.',
    cardButton: { label: 'Add login ID' },
    input,
    fromArgs: (args) => {
      if (args.length === 0) return 'modal';
      const [first] = args;
      if (first === undefined || args.length > 1)
        throw new AppError('input.usage', `Usage: \`/authgear ${USAGE}\``);
      return loginIdFromToken(first);
    },
    fields: () => [...loginIdFormFields(project)],
    fromFields: (v) => ({ loginIdKey: v.loginIdKey, loginId: v.loginId }),
    check: (i, user) => {
      requireConfiguredKey(project, i.loginIdKey);
      const same = user?.identities.nodes.some(
        (x) =>
          loginIdKeyOf(x) === i.loginIdKey &&
          String(x.claims[LOGIN_ID_VALUE_CLAIM] ?? '').toLowerCase() === i.loginId.toLowerCase(),
      );
      if (same) throw new AppError('state.no_change', 'The user already signs in with that login ID.');
    },
    confirm: (i, user) => ({
      title: 'Add login ID',
      target: user === undefined ? safe(i.userId, 200) : userLabel(user),
      consequences: [
        `The user can also sign in with the ${KEY_NAMES[i.loginIdKey]} ${safe(i.loginId, 320)}.`,
      ],
      confirmLabel: 'Add login ID',
      danger: false,
    }),
    execute: async (ctx, i, user) => {
      await withLoginIdKeyErrors(i.loginIdKey, () =>
        ctx.api.run(
          createIdentity,
          { input: { userID: i.userId, definition: loginIdDefinition(i.loginIdKey, i.loginId) } },
          ctx.auditContext,
        ),
      );
      const who = user === undefined ? 'the user' : userLabel(user);
      return { message: `Added the ${KEY_NAMES[i.loginIdKey]} ${safe(i.loginId, 320)} to ${who}.` };
    },
    summary: (i) => `Added login ID (${KEY_NAMES[i.loginIdKey]}) ${safe(i.loginId, 320)}`,
  });
