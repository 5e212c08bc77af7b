/**
 * User attributes: Authgear's standard attribute names, value checks, the `name=value` slash syntax, and the
 * read-modify-write merge. `updateUser` REPLACES whole attribute objects, so every edit goes through
 * {@link mergeAttributes}: current object + edits → new object that keeps every key it was not told to change.
 */
import { isEmail } from '../../../users/email.js';

export const STANDARD_ATTRIBUTES = [
  'email',
  'phone_number',
  'preferred_username',
  'name',
  'given_name',
  'family_name',
  'middle_name',
  'nickname',
  'profile',
  'picture',
  'website',
  'gender',
  'birthdate',
  'zoneinfo',
  'locale',
  'address',
] as const;
export type StandardAttribute = (typeof STANDARD_ATTRIBUTES)[number];

/** Served by Authgear but derived, not stored: never written back. */
const READ_ONLY_STANDARD = ['sub', 'email_verified', 'phone_number_verified', 'updated_at'];

export const CUSTOM_PREFIX = 'custom.';
const CUSTOM_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;
const PHONE = /^\+[1-9]\d{6,14}$/;
const URL_LIKE = /^https?:\/\/[^\s<>]+$/i;
const BIRTHDATE = /^(\d{4})(?:-(\d{2})-(\d{2}))?$/;
const LOCALE = /^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*$/;

export const isStandardAttribute = (name: string): name is StandardAttribute =>
  (STANDARD_ATTRIBUTES as readonly string[]).includes(name);

const validBirthdate = (value: string): boolean => {
  const m = BIRTHDATE.exec(value);
  if (!m) return false;
  if (m[2] === undefined) return true;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(value);
};

const validZone = (value: string): boolean => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
};

/**
 * Names that reach into a JavaScript object's prototype when used as a key (`obj[key] = v`): never an attribute
 * name here, whatever the section, so no edit can pollute or silently lose through them.
 */
const RESERVED_NAMES: readonly string[] = ['__proto__', 'constructor', 'prototype'];

/** Why a key is refused for being a reserved name (with or without `custom.`), or undefined. */
export const reservedNameProblem = (key: string): string | undefined => {
  const name = key.startsWith(CUSTOM_PREFIX) ? key.slice(CUSTOM_PREFIX.length) : key;
  return RESERVED_NAMES.includes(name)
    ? `\`${key}\` can't be edited: that name is reserved (${RESERVED_NAMES.join(', ')} have a special meaning in the bot's code), so no attribute may use it. If your project really has such an attribute, edit it in the Authgear Portal.`
    : undefined;
};

/** Why an attribute key cannot be edited, or undefined when it can (`custom.x` or a standard name). */
export const attributeNameProblem = (key: string): string | undefined => {
  const reserved = reservedNameProblem(key);
  if (reserved !== undefined) return reserved;
  if (key.startsWith(CUSTOM_PREFIX)) {
    return CUSTOM_NAME.test(key.slice(CUSTOM_PREFIX.length))
      ? undefined
      : 'Custom attribute names use letters, digits and underscores, like `custom.department`.';
  }
  if (!isStandardAttribute(key))
    return `\`${key}\` isn't a standard attribute. Use one of ${STANDARD_ATTRIBUTES.join(', ')}, or \`custom.<name>\` for a custom one.`;
  return undefined;
};

/** Why a value does not fit the attribute, or undefined when it does. An empty value means "remove it". */
export const attributeValueProblem = (key: string, value: string): string | undefined => {
  if (value === '') return undefined;
  if (value.length > 1000) return 'That value is too long (1000 characters at most).';
  switch (key) {
    case 'address':
      return 'The address has several parts; edit it in the Authgear Portal.';
    case 'email':
      return isEmail(value) ? undefined : 'Enter an email address, like alice@example.com.';
    case 'phone_number':
      return PHONE.test(value) ? undefined : 'Enter a phone number in E.164 form, like +15551234567.';
    case 'profile':
    case 'picture':
    case 'website':
      return URL_LIKE.test(value) ? undefined : 'Enter a full web address starting with https://.';
    case 'birthdate':
      return validBirthdate(value) ? undefined : 'Enter a date as YYYY-MM-DD, like 1990-04-23.';
    case 'zoneinfo':
      return validZone(value) ? undefined : 'Enter a time zone name, like Europe/London.';
    case 'locale':
      return LOCALE.test(value) ? undefined : 'Enter a language tag, like en or zh-HK.';
    default:
      return undefined;
  }
};

/**
 * Parses `name=Alice Smith given_name=Alice custom.department=Sales` (already split on spaces): a token
 * `key=value` starts a pair, other tokens continue the previous value. `key=` clears (removes) the attribute.
 */
export const parseAssignments = (args: readonly string[]): Record<string, string> | undefined => {
  // No prototype: `__proto__=x` stays an own key the input schema sees and refuses, instead of vanishing.
  const out: Record<string, string> = Object.create(null);
  let current: string | undefined;
  for (const token of args) {
    const m = /^([A-Za-z_][A-Za-z0-9_.]*)=(.*)$/s.exec(token);
    if (m?.[1] !== undefined) {
      current = m[1];
      out[current] = m[2] ?? '';
    } else if (current !== undefined) {
      out[current] = `${out[current] ?? ''} ${token}`.trim();
    } else {
      return undefined;
    }
  }
  for (const [k, v] of Object.entries(out)) out[k] = v.replace(/^"(.*)"$/s, '$1').replace(/^'(.*)'$/s, '$1');
  return current === undefined ? undefined : out;
};

export interface AttributeEdits {
  /** Keys to set, with their new values. */
  readonly set: Readonly<Record<string, unknown>>;
  /** Keys to remove (only ones the person cleared). */
  readonly remove: readonly string[];
}

/** Pure read-modify-write: every key of `current` survives unless it is in `edits.remove` or replaced. */
export const mergeAttributes = (
  current: Readonly<Record<string, unknown>>,
  edits: AttributeEdits,
): Record<string, unknown> => {
  const kept = Object.entries(current).filter(([k]) => !edits.remove.includes(k));
  return { ...Object.fromEntries(kept), ...edits.set };
};

/** Standard attributes as they may be written back (without the derived ones Authgear serves). */
export const writableStandard = (served: Readonly<Record<string, unknown>>): Record<string, unknown> =>
  Object.fromEntries(Object.entries(served).filter(([k]) => !READ_ONLY_STANDARD.includes(k)));

/** A typed custom value keeps its type when the text reads as one (Authgear validates custom types). */
const coerceLike = (current: unknown, text: string): unknown => {
  if (typeof current === 'number' && text.trim() !== '' && Number.isFinite(Number(text))) return Number(text);
  if (typeof current === 'boolean' && (text === 'true' || text === 'false')) return text === 'true';
  return text;
};

export interface EditsBySection {
  readonly standard: AttributeEdits;
  readonly custom: AttributeEdits;
}

/**
 * Splits flat edits (`given_name`, `custom.department`) into the two attribute objects' edits. Only keys that
 * differ from `current` count: unchanged values and clearing an absent attribute are not edits.
 */
export const editsOf = (
  flat: Readonly<Record<string, string>>,
  current: {
    readonly standardAttributes: Readonly<Record<string, unknown>>;
    readonly customAttributes: Readonly<Record<string, unknown>>;
  },
): EditsBySection => {
  const standard = { set: {} as Record<string, unknown>, remove: [] as string[] };
  const custom = { set: {} as Record<string, unknown>, remove: [] as string[] };
  for (const [key, value] of Object.entries(flat)) {
    const isCustom = key.startsWith(CUSTOM_PREFIX);
    const name = isCustom ? key.slice(CUSTOM_PREFIX.length) : key;
    const target = isCustom ? custom : standard;
    const source = isCustom ? current.customAttributes : current.standardAttributes;
    const before = source[name];
    if (value === '') {
      if (before !== undefined && before !== null && before !== '') target.remove.push(name);
      continue;
    }
    const next = isCustom ? coerceLike(before, value) : value;
    if (next !== before) target.set[name] = next;
  }
  return { standard, custom };
};

export const hasEdits = (e: EditsBySection): boolean =>
  [e.standard, e.custom].some((x) => x.remove.length > 0 || Object.keys(x.set).length > 0);

/** Plain lines describing the edits (values are untrusted: the caller escapes them). */
export const describeEdits = (e: EditsBySection): { key: string; value: string | undefined }[] => {
  const lines: { key: string; value: string | undefined }[] = [];
  for (const [prefix, x] of [
    ['', e.standard],
    [CUSTOM_PREFIX, e.custom],
  ] as const) {
    for (const [k, v] of Object.entries(x.set)) lines.push({ key: `${prefix}${k}`, value: String(v) });
    for (const k of x.remove) lines.push({ key: `${prefix}${k}`, value: undefined });
  }
  return lines;
};
