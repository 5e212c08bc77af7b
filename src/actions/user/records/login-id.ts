import { z } from 'zod';
import { AuthgearError } from '../../../authgear/errors.js';
import type { LoginIdDefinition } from '../../../authgear/operations/records.js';
import {
  type AuthgearProject,
  LOGIN_ID_KEYS,
  type LoginIdKey,
  loginIdKeyProblem,
  loginIdKeyRefused,
} from '../../../authgear/project.js';
import { AppError, ValidationError } from '../../../errors.js';
import type { FieldSpec } from '../../types.js';

export { LOGIN_ID_KEYS, type LoginIdKey };

const EMAIL = /^[^\s@<>|]+@[^\s@<>|]+\.[^\s@<>|]+$/;
const PHONE = /^\+[1-9]\d{6,14}$/;
const USERNAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

const OPTION_LABELS: Record<LoginIdKey, string> = {
  email: 'Email',
  phone: 'Phone number',
  username: 'Username',
};

/** The form's login ID fields: the kind (only those the project has turned on) and the value. */
export const loginIdFormFields = (project: AuthgearProject): FieldSpec[] => [
  {
    kind: 'select',
    id: 'loginIdKey',
    label: 'Login ID type',
    options: project.loginIdKeys.map((value) => ({ value, label: OPTION_LABELS[value] })),
    initial: project.loginIdKeys[0] ?? 'email',
  },
  { kind: 'text', id: 'loginId', label: 'Login ID', placeholder: 'alice@example.com', maxLength: 320 },
];

/** Stops, before anything is sent, when the project has no login IDs of this kind (said in words). */
export const requireConfiguredKey = (project: AuthgearProject, key: LoginIdKey): void => {
  const problem = loginIdKeyProblem(project, key);
  if (problem !== undefined) throw new ValidationError(problem, { loginIdKey: problem, loginId: problem });
};

/**
 * Authgear's `InvalidLoginIDKey` (the bot's AUTHGEAR_LOGIN_ID_KEYS lists a key the project does not have)
 * told in words that name the key.
 */
export const withLoginIdKeyErrors = async <T>(key: LoginIdKey, run: () => Promise<T>): Promise<T> => {
  try {
    return await run();
  } catch (e) {
    if (e instanceof AuthgearError && e.authgear.causeKinds.includes('InvalidLoginIDKey')) {
      throw new AppError('authgear.invalid', loginIdKeyRefused(key), { details: e.details, cause: e });
    }
    throw e;
  }
};

/** Slack escapes emails and phone numbers in slash text as `<mailto:a@b.c|a@b.c>` / `<tel:+1...|+1...>`. */
export const unwrapSlackLink = (text: string): string => {
  const link = /^<(?:mailto:|tel:)?([^|>]+)(?:\|([^>]*))?>$/.exec(text.trim());
  return (link?.[2] ?? link?.[1] ?? text).trim();
};

/** Which kind of login ID a typed value looks like: email, E.164 phone, otherwise username. */
export const inferLoginIdKey = (value: string): LoginIdKey => {
  if (EMAIL.test(value)) return 'email';
  if (PHONE.test(value.replace(/[\s()-]/g, ''))) return 'phone';
  return 'username';
};

const PROBLEMS: Record<LoginIdKey, { test: RegExp; message: string }> = {
  email: { test: EMAIL, message: 'Enter an email address, like alice@example.com.' },
  phone: { test: PHONE, message: 'Enter a phone number in E.164 form, like +15551234567.' },
  username: {
    test: USERNAME,
    message: 'Usernames start with a letter or digit and use letters, digits, dots, dashes or underscores.',
  },
};

export const loginIdProblem = (key: LoginIdKey, value: string): string | undefined =>
  PROBLEMS[key].test.test(value) ? undefined : PROBLEMS[key].message;

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
