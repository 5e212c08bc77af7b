/**
 * What Authgear does with an `updateUser` that the edit must respect (pkg/lib/feature/stdattrs,
 * pkg/lib/feature/customattrs):
 * - `email`, `phone_number` and `preferred_username` may only hold a value one of the user's identities has
 *   (anything else fails with a bare "unexpected error"), and one removed while an identity has it is put back;
 * - custom attributes the project has not configured are dropped without an error.
 * Pure: the edit checks first and compares what Authgear stored afterwards.
 */
import type { AuthgearUser } from '../../../authgear/operations/user-fields.js';
import { AppError } from '../../../errors.js';
import { CUSTOM_PREFIX, type EditsBySection } from './attributes.js';

export const IDENTITY_ATTRIBUTES = ['email', 'phone_number', 'preferred_username'] as const;
type IdentityAttribute = (typeof IDENTITY_ATTRIBUTES)[number];

const WORDS: Record<IdentityAttribute, { noun: string; example: string }> = {
  email: { noun: 'email', example: 'new@example.com' },
  phone_number: { noun: 'phone number', example: '+15551234567' },
  preferred_username: { noun: 'username', example: 'new_name' },
};

const isIdentityAttribute = (key: string): key is IdentityAttribute =>
  (IDENTITY_ATTRIBUTES as readonly string[]).includes(key);

/** The values the user's login ID and OAuth identities give each of the three attributes. */
export const ownedValues = (user: AuthgearUser): Record<IdentityAttribute, string[]> => {
  const out: Record<IdentityAttribute, string[]> = { email: [], phone_number: [], preferred_username: [] };
  for (const i of user.identities.nodes) {
    if (i.type !== 'LOGIN_ID' && i.type !== 'OAUTH') continue;
    for (const name of IDENTITY_ATTRIBUTES) {
      const v = i.claims[name];
      if (typeof v === 'string' && v !== '' && !out[name].includes(v)) out[name].push(v);
    }
  }
  return out;
};

const sameValue = (name: IdentityAttribute, a: string, b: string): boolean =>
  name === 'phone_number' ? a === b : a.toLowerCase() === b.toLowerCase();

/**
 * The flat edits with identity-backed values spelled as the identity has them (Authgear compares exactly), or
 * an AppError pointing to add-identity / update-identity / remove-identity before anything is sent.
 */
export const identityBackedEdits = (
  flat: Readonly<Record<string, string>>,
  user: AuthgearUser,
): Record<string, string> => {
  const owned = ownedValues(user);
  const out: Record<string, string> = { ...flat };
  for (const [key, value] of Object.entries(flat)) {
    if (!isIdentityAttribute(key)) continue;
    const { noun, example } = WORDS[key];
    const mine = owned[key];
    if (value === '') {
      if (mine.length > 0)
        throw new AppError(
          'input.invalid',
          `The ${noun} comes from a login ID, and Authgear puts it back while the login ID exists. Remove the login ID instead: \`/authgear remove-identity <who> ${mine[0]}\`.`,
        );
      continue;
    }
    const match = mine.find((m) => sameValue(key, m, value));
    if (match === undefined) {
      const has = mine.length > 0 ? ` (this user has ${mine.join(', ')})` : '';
      throw new AppError(
        'input.invalid',
        `The ${noun} can only be one of the user's login IDs${has}. Add it first with \`/authgear add-identity <who> ${example}\`, or change one with \`/authgear update-identity <who> <current> <new>\`.`,
      );
    }
    out[key] = match;
  }
  return out;
};

/** A sent attribute Authgear did not store as sent, e.g. a custom attribute the project does not have. */
export interface NotSaved {
  readonly key: string;
  readonly custom: boolean;
}

const stored = (section: Readonly<Record<string, unknown>>, key: string): unknown => section[key];

/** Compares the edits with the attributes Authgear answered with after the write. */
export const notSaved = (
  edits: EditsBySection,
  saved: {
    standardAttributes: Readonly<Record<string, unknown>>;
    customAttributes: Readonly<Record<string, unknown>>;
  },
): NotSaved[] => {
  const out: NotSaved[] = [];
  for (const [custom, edit, section] of [
    [false, edits.standard, saved.standardAttributes],
    [true, edits.custom, saved.customAttributes],
  ] as const) {
    for (const [k, v] of Object.entries(edit.set))
      if (stored(section, k) !== v) out.push({ key: `${custom ? CUSTOM_PREFIX : ''}${k}`, custom });
    for (const k of edit.remove)
      if (stored(section, k) !== undefined) out.push({ key: `${custom ? CUSTOM_PREFIX : ''}${k}`, custom });
  }
  return out;
};
