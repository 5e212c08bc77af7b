import { z } from 'zod';
import { createUser } from '../../../authgear/operations/records.js';
import type { AuthgearProject } from '../../../authgear/project.js';
import { codeSpan, context, safe } from '../../../blocks/primitives.js';
import { userLabel } from '../../../blocks/user-card.js';
import { AppError } from '../../../errors.js';
import { ActionKeys } from '../../keys.js';
import { type ActionDefinition, defineAction } from '../../types.js';
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
import { generatePassword } from './password.js';

const PASSWORD_FLAGS = ['--generate-password', 'generate-password', '--password'];
const USAGE = 'create-user <email|phone|username> [--generate-password]';
const PASSWORD_MODES = ['none', 'generate'] as const;

const input = z
  .object({
    userId: z.string().optional(),
    ...loginIdFields,
    password: z.enum(PASSWORD_MODES, { error: 'Choose whether to generate a password.' }).default('none'),
  })
  .superRefine(refineLoginId);
export type CreateUserInput = z.output<typeof input>;

const KEY_NAMES: Record<LoginIdKey, string> = { email: 'email', phone: 'phone number', username: 'username' };

/** `create-user`, offering only the login ID keys the project has turned on. */
export const makeCreateUserAction = (project: AuthgearProject): ActionDefinition<CreateUserInput> =>
  defineAction({
    key: ActionKeys.createUser,
    verbs: ['create-user'],
    permission: 'user.create',
    targetsUser: false,
    title: 'Create user',
    usage: USAGE,
    description:
      'Creates an Authgear user with that login ID; optionally generates a password shown once to you.',
    input,
    fromArgs: (args) => {
      const [first, ...rest] = args;
      if (first === undefined) return 'modal';
      if (rest.some((a) => !PASSWORD_FLAGS.includes(a)))
        throw new AppError('input.usage', `Usage: \`/authgear ${USAGE}\``);
      return { ...loginIdFromToken(first), password: rest.length > 0 ? 'generate' : 'none' };
    },
    fields: () => [
      ...loginIdFormFields(project),
      {
        kind: 'select',
        id: 'password',
        label: 'Password',
        options: [
          { value: 'none', label: 'No password (the user signs in another way or sets one)' },
          { value: 'generate', label: 'Generate one and show it to me once' },
        ],
        initial: 'none',
      },
    ],
    fromFields: (v) => ({ loginIdKey: v.loginIdKey, loginId: v.loginId, password: v.password }),
    check: (i) => requireConfiguredKey(project, i.loginIdKey),
    confirm: (i) => ({
      title: 'Create user',
      target: `${KEY_NAMES[i.loginIdKey]} ${safe(i.loginId, 320)}`,
      consequences: [
        `A new Authgear user signs in with the ${KEY_NAMES[i.loginIdKey]} ${safe(i.loginId, 320)}.`,
        i.password === 'generate'
          ? 'A password is generated and shown only to you, once; the user must change it at first sign-in.'
          : 'No password is set.',
      ],
      confirmLabel: 'Create user',
      danger: false,
    }),
    execute: async (ctx, i) => {
      const password = i.password === 'generate' ? generatePassword() : undefined;
      const { createUser: created } = await withLoginIdKeyErrors(i.loginIdKey, () =>
        ctx.api.run(
          createUser,
          {
            input: {
              definition: loginIdDefinition(i.loginIdKey, i.loginId),
              ...(password === undefined ? {} : { password, setPasswordExpired: true }),
            },
          },
          ctx.auditContext,
        ),
      );
      return {
        message: `Created ${userLabel(created.user)}.`,
        blocks: [context([`Authgear ID: ${codeSpan(created.user.id, 200)}`])],
        ...(password === undefined ? {} : { secret: { label: 'Temporary password', value: password } }),
      };
    },
    summary: (i) =>
      `Created a user with ${KEY_NAMES[i.loginIdKey]} ${safe(i.loginId, 320)}${i.password === 'generate' ? ' and a generated password' : ''}`,
  });
