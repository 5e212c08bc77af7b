/**
 * Login ID rules after authgear-server pkg/lib/authn/identity/loginid/: the normalizers (normalizer.go), the
 * format checks (checker.go, type_checkers.go) and which keys the project configures (provider.go).
 * Approximations: NFKC + lower-casing stands for PRECIS case folding, and a "possible number" is 7–15 digits
 * after the `+` (libphonenumber's check in pkg/util/phone/parser.go is per country).
 */
import { getUsersInvalidArgument, validationFailed } from './errors.js';
import type { LoginIdKey } from './model.js';
import type { FakeProjectConfig } from './project.js';

export const LOGIN_ID_KEYS: readonly LoginIdKey[] = ['email', 'phone', 'username'];

/** The standard claim a login ID type fills (model.GetLoginIDKeyTypeClaim). */
export const CLAIM_OF: Record<LoginIdKey, 'email' | 'phone_number' | 'preferred_username'> = {
  email: 'email',
  phone: 'phone_number',
  username: 'preferred_username',
};

export const isLoginIdKey = (value: unknown): value is LoginIdKey =>
  typeof value === 'string' && (LOGIN_ID_KEYS as readonly string[]).includes(value);

export const isConfigured = (config: FakeProjectConfig, key: string): key is LoginIdKey =>
  isLoginIdKey(key) && config.loginIdKeys.includes(key);

/** normalizer.go: the normalized value, or `undefined` when the normalizer fails. */
export const normalize = (key: LoginIdKey, raw: string): string | undefined => {
  switch (key) {
    case 'email': {
      // EmailNormalizer: needs an `@`; the domain is case-folded, the local part NFKC + folded (case-insensitive).
      const at = raw.lastIndexOf('@');
      if (at < 0) return undefined;
      return `${raw.slice(0, at).normalize('NFKC').toLowerCase()}@${raw.slice(at + 1).toLowerCase()}`;
    }
    case 'username': {
      // UsernameNormalizer: NFKC, then PRECIS IdentifierClass + fold case (no spaces or controls).
      const value = raw.normalize('NFKC');
      return /^[\p{L}\p{N}\x21-\x7e]+$/u.test(value) ? value.toLowerCase() : undefined;
    }
    case 'phone': {
      // PhoneNumberNormalizer: `^ *\+[0-9 \-]*$`, then a possible number, formatted as E.164.
      if (!/^ *\+[0-9 -]*$/.test(raw)) return undefined;
      const digits = raw.replace(/[^0-9]/g, '');
      return digits.length >= 7 && digits.length <= 15 && !digits.startsWith('0') ? `+${digits}` : undefined;
    }
  }
};

const EMAIL_FORMAT = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const USERNAME_FORMAT = /^[A-Za-z0-9_.-]+$/;

/**
 * checker.go `ValidateOne` (key configured, not blank, format by type) then normalization: the value to store,
 * or `ValidationFailed` with `{ kind, location: '/login_id', details }` as Authgear reports it.
 */
export const validateLoginId = (config: FakeProjectConfig, key: string, raw: string): string => {
  const location = '/login_id';
  const value = raw.trim();
  if (!isConfigured(config, key))
    throw validationFailed([{ kind: 'general', location, details: { msg: 'login ID key is not allowed' } }]);
  if (value === '') throw validationFailed([{ kind: 'required', location }]);
  const formatOk =
    key === 'email'
      ? EMAIL_FORMAT.test(value)
      : key === 'username'
        ? USERNAME_FORMAT.test(value)
        : normalize('phone', value) === value;
  const normalized = formatOk ? normalize(key, value) : undefined;
  if (normalized === undefined)
    throw validationFailed([{ kind: 'format', location, details: { format: key } }]);
  return normalized;
};

/** provider.go `GetByKeyAndValue`: an unconfigured key or a value the normalizer rejects → GetUsersInvalidArgument. */
export const normalizeForLookup = (config: FakeProjectConfig, key: string, raw: string): string => {
  if (!isConfigured(config, key)) throw getUsersInvalidArgument('invalid Login ID key');
  const normalized = normalize(key, raw);
  if (normalized === undefined) throw getUsersInvalidArgument('invalid Login ID value');
  return normalized;
};
