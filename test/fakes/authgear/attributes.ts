/**
 * `updateUser` attributes, after authgear-server:
 * - standard attributes: pkg/lib/authn/stdattrs/validate.go (closed schema, formats), `WithDerivedAttributesRemoved`
 *   (email_verified, phone_number_verified, updated_at are ignored), the whole object replaced
 *   (pkg/lib/feature/stdattrs/service_noevent.go UpdateStandardAttributes);
 * - custom attributes: pkg/lib/feature/customattrs/service_noevent.go — only configured attributes are
 *   validated and stored; any other key is dropped without an error.
 */
import { type ValidationCause, validationFailed } from './errors.js';
import { normalize } from './login-ids.js';
import type { CustomAttributeConfig, FakeProjectConfig } from './project.js';

const TEXT = ['preferred_username', 'family_name', 'given_name', 'middle_name', 'name', 'nickname', 'gender'];
const URI = ['profile', 'website', 'picture'];
const KNOWN = [...TEXT, ...URI, 'email', 'phone_number', 'birthdate', 'zoneinfo', 'locale', 'address'];
const DERIVED = ['email_verified', 'phone_number_verified', 'updated_at'];

const isEmail = (v: string): boolean => /^[^\s@]+@[^\s@]+$/.test(v);
const isPhone = (v: string): boolean => normalize('phone', v) === v;
const isUri = (v: string): boolean => {
  try {
    return new URL(v).protocol.length > 1;
  } catch {
    return false;
  }
};
const isBirthdate = (v: string): boolean => /^\d{4}(-\d{2}-\d{2})?$/.test(v) || /^0000-\d{2}-\d{2}$/.test(v);
const isZone = (v: string): boolean => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: v });
    return true;
  } catch {
    return false;
  }
};
const isLocale = (v: string): boolean => {
  try {
    return Intl.getCanonicalLocales(v).length === 1;
  } catch {
    return false;
  }
};

const FORMATS: Record<string, [string, (v: string) => boolean]> = {
  email: ['email', isEmail],
  phone_number: ['phone', isPhone],
  profile: ['uri', isUri],
  website: ['uri', isUri],
  picture: ['x_picture', isUri],
  birthdate: ['birthdate', isBirthdate],
  zoneinfo: ['timezone', isZone],
  locale: ['bcp47', isLocale],
};

/** The standard attributes to store, or ValidationFailed listing every problem. */
export const validStandardAttributes = (input: Record<string, unknown>): Record<string, unknown> => {
  const attrs = Object.fromEntries(Object.entries(input).filter(([k]) => !DERIVED.includes(k)));
  const causes: ValidationCause[] = [];
  for (const [key, value] of Object.entries(attrs)) {
    const location = `/${key}`;
    if (!KNOWN.includes(key)) {
      causes.push({ kind: 'additionalProperties', location: '', details: { property: key } });
      continue;
    }
    if (key === 'address') {
      if (typeof value !== 'object' || value === null || Array.isArray(value))
        causes.push({ kind: 'type', location, details: { expected: ['object'] } });
      continue;
    }
    if (typeof value !== 'string') {
      causes.push({ kind: 'type', location, details: { expected: ['string'] } });
      continue;
    }
    const format = FORMATS[key];
    if (format !== undefined && !format[1](value))
      causes.push({ kind: 'format', location, details: { format: format[0] } });
    else if (TEXT.includes(key) && value.length < 1)
      causes.push({ kind: 'minLength', location, details: { expected: 1, actual: 0 } });
  }
  if (causes.length > 0) throw validationFailed(causes);
  return attrs;
};

const customProblem = (c: CustomAttributeConfig, value: unknown): ValidationCause | undefined => {
  const location = `/${c.name}`;
  const type = (expected: string): ValidationCause => ({
    kind: 'type',
    location,
    details: { expected: [expected] },
  });
  switch (c.type) {
    case 'number':
      return typeof value === 'number' ? undefined : type('number');
    case 'integer':
      return Number.isInteger(value) ? undefined : type('integer');
    case 'boolean':
      return typeof value === 'boolean' ? undefined : type('boolean');
    case 'enum':
      return typeof value === 'string' && (c.enum ?? []).includes(value)
        ? undefined
        : { kind: 'enum', location, details: { expected: [...(c.enum ?? [])] } };
    default: {
      if (typeof value !== 'string') return type('string');
      const check: Record<string, [string, (v: string) => boolean]> = {
        email: ['email', isEmail],
        phone_number: ['phone', isPhone],
        url: ['uri', isUri],
        country_code: ['iso3166-1-alpha-2', (v) => /^[A-Z]{2}$/.test(v)],
      };
      const format = check[c.type];
      return format === undefined || format[1](value)
        ? undefined
        : { kind: 'format', location, details: { format: format[0] } };
    }
  }
};

/** Custom attributes to store: configured ones validated by type; unconfigured keys silently dropped. */
export const validCustomAttributes = (
  config: FakeProjectConfig,
  input: Record<string, unknown>,
): Record<string, unknown> => {
  const causes: ValidationCause[] = [];
  const kept: Record<string, unknown> = {};
  for (const c of config.customAttributes) {
    if (!(c.name in input)) continue;
    const problem = customProblem(c, input[c.name]);
    if (problem !== undefined) causes.push(problem);
    else kept[c.name] = input[c.name];
  }
  if (causes.length > 0) throw validationFailed(causes);
  return kept;
};
