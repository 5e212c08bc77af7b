import { z } from 'zod';
import type { LoginIdDefinition } from '../../../authgear/operations/records.js';
import { isEmail } from '../../../users/email.js';

/** Login IDs as Authgear's `IdentityDefinitionLoginID` keys them. */
export const LOGIN_ID_KEYS = ['email', 'phone', 'username'] as const;
export type LoginIdKey = (typeof LOGIN_ID_KEYS)[number];

const PHONE = /^\+[1-9]\d{6,14}$/;
const USERNAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

export const LOGIN_ID_OPTIONS = [
  { value: 'email', label: 'Email' },
  { value: 'phone', label: 'Phone number' },
  { value: 'username', label: 'Username' },
] as const;

/** Slack escapes emails and phone numbers in slash text as `<mailto:a@b.c|a@b.c>` / `<tel:+1...|+1...>`. */
export const unwrapSlackLink = (text: string): string => {
  const link = /^<(?:mailto:|tel:)?([^|>]+)(?:\|([^>]*))?>$/.exec(text.trim());
  return (link?.[2] ?? link?.[1] ?? text).trim();
};

/** Which kind of login ID a typed value looks like: email, E.164 phone, otherwise username. */
export const inferLoginIdKey = (value: string): LoginIdKey => {
  if (isEmail(value)) return 'email';
  if (PHONE.test(value.replace(/[\s()-]/g, ''))) return 'phone';
  return 'username';
};

const PROBLEMS: Record<LoginIdKey, { valid: (value: string) => boolean; message: string }> = {
  email: { valid: isEmail, message: 'Enter an email address, like alice@example.com.' },
  phone: { valid: (v) => PHONE.test(v), message: 'Enter a phone number in E.164 form, like +15551234567.' },
  username: {
    valid: (v) => USERNAME.test(v),
    message: 'Usernames start with a letter or digit and use letters, digits, dots, dashes or underscores.',
  },
};

export const loginIdProblem = (key: LoginIdKey, value: string): string | undefined =>
  PROBLEMS[key].valid(value) ? undefined : PROBLEMS[key].message;

/** `loginIdKey` + `loginId` fields, with the value checked against its key (error on the `loginId` block). */
export const loginIdFields = {
  loginIdKey: z.enum(LOGIN_ID_KEYS, { error: 'Choose email, phone number or username.' }),
  loginId: z
    .string({ error: 'Enter the login ID.' })
    .trim()
    .min(1, 'Enter the login ID.')
    .max(320, 'That login ID is too long.'),
};

export const refineLoginId = (
  value: { loginIdKey: LoginIdKey; loginId: string },
  ctx: z.RefinementCtx,
): void => {
  const problem = loginIdProblem(value.loginIdKey, value.loginId);
  if (problem !== undefined) ctx.addIssue({ code: 'custom', path: ['loginId'], message: problem });
};

export const loginIdDefinition = (key: LoginIdKey, value: string): LoginIdDefinition => ({
  loginID: { key, value },
});

/** A phone typed with spaces or dashes is sent in E.164. */
export const normalizeLoginId = (key: LoginIdKey, value: string): string =>
  key === 'phone' ? value.replace(/[\s()-]/g, '') : value.trim();

/** Raw input from one slash token: the value and the key it looks like. */
export const loginIdFromToken = (token: string): { loginIdKey: LoginIdKey; loginId: string } => {
  const value = unwrapSlackLink(token);
  const key = inferLoginIdKey(value);
  return { loginIdKey: key, loginId: normalizeLoginId(key, value) };
};
