import { z } from 'zod';
import { textAttr } from '../../../authgear/attributes.js';
import { createAuthenticator } from '../../../authgear/operations/authenticators.js';
import type { AuthgearUser } from '../../../authgear/operations/user-fields.js';
import { safe } from '../../../blocks/primitives.js';
import { AppError } from '../../../errors.js';
import { ActionKeys } from '../../keys.js';
import { defineAction } from '../../types.js';
import { generatePassword } from '../account/password.js';
import { labelOf, noChange, targetOf, textValue } from '../account/shared.js';
import { loginIdProblem, unwrapSlackLink } from './login-id.js';

/** The authenticators the Admin API can create: a one-time code by email or SMS, or a password. */
const KINDS = { email: 'OOB_OTP_EMAIL', sms: 'OOB_OTP_SMS', password: 'PASSWORD' } as const;
type Method = keyof typeof KINDS;
const METHODS = Object.keys(KINDS) as Method[];
const CLAIM: Record<Method, string | undefined> = {
  email: 'https://authgear.com/claims/oob_otp/email',
  sms: 'https://authgear.com/claims/oob_otp/phone',
  password: undefined,
};

const USAGE = 'add-authenticator <who> email <address> | sms <+phone> | password [primary|secondary]';

const input = z
  .object({
    userId: z.string().min(1),
    method: z.enum(METHODS, { error: 'Choose email, sms or password.' }),
    kind: z.enum(['PRIMARY', 'SECONDARY']),
    target: z.string().trim().max(320, 'That is too long.').optional(),
  })
  .superRefine((v, ctx) => {
    if (v.method === 'password') {
      if (v.target !== undefined && v.target !== '')
        ctx.addIssue({ code: 'custom', path: ['target'], message: 'A password needs no address.' });
      return;
    }
    const problem = loginIdProblem(v.method === 'email' ? 'email' : 'phone', v.target ?? '');
    if (problem !== undefined) ctx.addIssue({ code: 'custom', path: ['target'], message: problem });
  });
export type AddAuthenticatorInput = z.output<typeof input>;

/** An SMS or email code is a second factor unless `primary` is said; a password is a primary one. */
const defaultKind = (method: Method): 'PRIMARY' | 'SECONDARY' =>
  method === 'password' ? 'PRIMARY' : 'SECONDARY';

const what = (i: AddAuthenticatorInput): string =>
  `${i.kind.toLowerCase()} ${i.method === 'password' ? 'password' : `${i.method === 'sms' ? 'SMS' : 'email'} one-time code`}`;

const targetText = (i: AddAuthenticatorInput): string => (i.target ? ` (${safe(i.target, 200)})` : '');

/** Authgear's own duplicate rule (authenticator/info.go Equal): same type and kind, and for codes the same target. */
const existing = (user: AuthgearUser, i: AddAuthenticatorInput) =>
  user.authenticators.nodes.find((a) => {
    if (a.type !== KINDS[i.method] || a.kind !== i.kind) return false;
    const claim = CLAIM[i.method];
    return claim === undefined || textAttr(a.claims[claim])?.toLowerCase() === i.target?.toLowerCase();
  });

export const addAuthenticatorAction = defineAction<AddAuthenticatorInput>({
  key: ActionKeys.addAuthenticator,
  verbs: ['add-authenticator'],
  permission: 'user.add_authenticator',
  title: 'Add authenticator',
  usage: USAGE,
  description: 'add an SMS or email code (second factor unless `primary`) or a password shown once to you',
  cardButton: { label: 'Add authenticator', show: (u) => !u.isAnonymized },
  input,
  fromArgs: (args) => {
    const [rawMethod, ...rest] = args.map((a) => a.trim());
    if (rawMethod === undefined) return 'modal';
    const method = rawMethod.toLowerCase();
    if (!METHODS.includes(method as Method))
      throw new AppError('input.usage', `Usage: \`/authgear ${USAGE}\``);
    const words = rest.map((w) => w.toLowerCase());
    const kind = words.includes('primary')
      ? 'PRIMARY'
      : words.includes('secondary')
        ? 'SECONDARY'
        : defaultKind(method as Method);
    // A phone number may be typed with spaces: every other word is the target.
    const targets = rest.filter((w) => !['primary', 'secondary'].includes(w.toLowerCase()));
    const target =
      targets.length === 0 ? undefined : unwrapSlackLink(targets.join(' ')).replace(/[\s()-]/g, '');
    return { method, kind, ...(target === undefined ? {} : { target }) };
  },
  fields: () => [
    {
      kind: 'select',
      id: 'method',
      label: 'Authenticator',
      options: [
        { value: 'sms', label: 'One-time code by SMS' },
        { value: 'email', label: 'One-time code by email' },
        { value: 'password', label: 'Password (generated, shown once to you)' },
      ],
      initial: 'sms',
    },
    {
      kind: 'select',
      id: 'kind',
      label: 'Used as',
      options: [
        { value: 'SECONDARY', label: 'Second factor (MFA)' },
        { value: 'PRIMARY', label: 'First factor (to sign in)' },
      ],
      initial: 'SECONDARY',
    },
    {
      kind: 'text',
      id: 'target',
      label: 'Phone (E.164) or email address',
      optional: true,
      maxLength: 320,
      placeholder: '+15551234567',
      hint: 'Leave empty for a password.',
    },
  ],
  fromFields: (values) => ({
    method: textValue(values, 'method'),
    kind: textValue(values, 'kind'),
    target: textValue(values, 'target')?.replace(/[\s()-]/g, ''),
  }),
  check: (i, user) => {
    if (user === undefined) return;
    if (existing(user, i))
      noChange(
        i.method === 'password'
          ? `${labelOf(user)} already has a ${i.kind.toLowerCase()} password: use \`reset-password\` to change it.`
          : `${labelOf(user)} already has that ${what(i)}${targetText(i)}.`,
      );
  },
  confirm: (i, user) => ({
    title: 'Add authenticator',
    target: labelOf(user),
    consequences: [
      i.method === 'password'
        ? `A ${what(i)} is generated and shown only to you, once: pass it on through a safe channel.`
        : `They can use a ${what(i)} sent to ${safe(i.target ?? '', 200)}${i.kind === 'PRIMARY' ? ' to sign in' : ' as their second factor'}.`,
      'Make sure the person asking is the account owner: this adds a way into the account.',
    ],
    confirmLabel: 'Add authenticator',
    danger: false,
  }),
  execute: async (ctx, i, user) => {
    const target = targetOf(user);
    const password = i.method === 'password' ? generatePassword() : undefined;
    const definition = {
      kind: i.kind,
      type: KINDS[i.method],
      ...(i.method === 'email' ? { oobOtpEmail: { email: i.target ?? '' } } : {}),
      ...(i.method === 'sms' ? { oobOtpSMS: { phone: i.target ?? '' } } : {}),
      ...(password !== undefined ? { password: { password } } : {}),
    };
    await ctx.api.run(createAuthenticator, { input: { userID: i.userId, definition } }, ctx.auditContext);
    return {
      message: `Added a ${what(i)}${targetText(i)} to ${labelOf(target)}.`,
      ...(password !== undefined ? { secret: { label: 'New password', value: password } } : {}),
    };
  },
  summary: (i, user) =>
    `Add a ${what(i)}${targetText(i)} to ${labelOf(user)}${i.method === 'password' ? ' (generated, shown to the requester)' : ''}`,
});
