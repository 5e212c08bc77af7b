import { z } from 'zod';
import { LOGIN_ID_KEY_CLAIM, LOGIN_ID_VALUE_CLAIM } from '../../../authgear/attributes.js';
import { resetPassword } from '../../../authgear/operations/account-credentials.js';
import type { AuthgearUser } from '../../../authgear/operations/user-fields.js';
import { safe } from '../../../blocks/primitives.js';
import { ValidationError } from '../../../errors.js';
import { ActionKeys } from '../../keys.js';
import { defineAction } from '../../types.js';
import { generatePassword } from './password.js';
import { checked, labelOf, loginIdOf, targetOf, textValue, userIdSchema } from './shared.js';

const MODES = ['generate', 'send'] as const;

const resetPasswordInput = z.object({
  userId: userIdSchema,
  mode: z.enum(MODES, { error: 'Choose how to reset: generate a password, or send one to the user.' }),
  expire: z.boolean().default(false),
});
export type ResetPasswordInput = z.output<typeof resetPasswordInput>;

const MODE_LABELS: Record<(typeof MODES)[number], string> = {
  generate: 'Generate a password and show it to me once',
  send: 'Let Authgear generate one and email it to the user',
};

/**
 * Authgear mails a password only to the user's EMAIL login IDs (forgotpassword/sender.go); without one it
 * answers SendPasswordNoTarget, so `send` is offered only to users who have one.
 */
const emailLoginIds = (user: AuthgearUser): string =>
  user.identities.nodes
    .filter((i) => i.type === 'LOGIN_ID' && i.claims[LOGIN_ID_KEY_CLAIM] === 'email')
    .map((i) => safe(String(i.claims[LOGIN_ID_VALUE_CLAIM] ?? ''), 200))
    .join(', ');

const canSend = (user: AuthgearUser | undefined): boolean =>
  user === undefined || loginIdOf(user, 'email') !== undefined;

export const resetPasswordAction = defineAction<ResetPasswordInput>({
  key: ActionKeys.resetPassword,
  verbs: ['reset-password'],
  permission: 'user.reset_password',
  title: 'Reset password',
  usage: 'reset-password <who> [generate|send] [expire]',
  description:
    'Set a new password: generated and shown once to you, or sent to the user by Authgear; `expire` makes them change it.',
  cardButton: { label: 'Reset password' },
  input: resetPasswordInput,
  fromArgs: (args) => {
    if (args.length === 0) return 'modal';
    const words = args.map((a) => a.toLowerCase());
    const mode = words.find((w) => w !== 'expire') ?? 'generate';
    return { mode, expire: words.includes('expire') };
  },
  fields: (user) => [
    {
      kind: 'select',
      id: 'mode',
      label: 'New password',
      options: MODES.filter((m) => m === 'generate' || canSend(user)).map((value) => ({
        value,
        label: MODE_LABELS[value],
      })),
      initial: 'generate',
      ...(canSend(user)
        ? {}
        : { hint: 'Authgear can email a password only to an email login ID; this user has none.' }),
    },
    { kind: 'checkbox', id: 'expire', label: 'Make them change it at next sign-in', optional: true },
  ],
  fromFields: (values) => ({ mode: textValue(values, 'mode'), expire: checked(values, 'expire') }),
  check: (input, user) => {
    if (input.mode === 'send' && !canSend(user)) {
      const message = `Authgear can only email a password to an email login ID, and ${labelOf(user)} has none. Use \`reset-password <who> generate\` instead.`;
      throw new ValidationError(message, { mode: message });
    }
  },
  confirm: (input, user) => ({
    title: 'Reset password',
    target: labelOf(user),
    consequences: [
      'Their current password stops working.',
      input.mode === 'generate'
        ? 'A new password is generated and shown only to you, once. Pass it on through a safe channel.'
        : `Authgear generates a new password and emails it to ${user ? emailLoginIds(user) : 'their email login IDs'}.`,
      ...(input.expire ? ['They must change it when they next sign in.'] : []),
    ],
    confirmLabel: 'Reset password',
    danger: false,
  }),
  execute: async (ctx, input, user) => {
    const target = targetOf(user);
    const expire = input.expire ? { setPasswordExpired: true } : {};
    if (input.mode === 'send') {
      await ctx.api.run(
        resetPassword,
        { userID: input.userId, sendPassword: true, ...expire },
        ctx.auditContext,
      );
      return { message: `Authgear sent a new password to ${labelOf(target)}.` };
    }
    const password = generatePassword();
    await ctx.api.run(resetPassword, { userID: input.userId, password, ...expire }, ctx.auditContext);
    return {
      message: `The password of ${labelOf(target)} was reset${input.expire ? ' (they must change it at next sign-in)' : ''}.`,
      secret: { label: 'New password', value: password },
    };
  },
  summary: (input, user) =>
    `Reset the password of ${labelOf(user)} (${input.mode === 'send' ? 'sent by Authgear' : 'generated, shown to the requester'}${input.expire ? ', expired' : ''})`,
});
