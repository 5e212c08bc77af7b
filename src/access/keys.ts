import { z } from 'zod';
import { codeSpan } from '../blocks/primitives.js';

/**
 * Group and role keys, checked before anything is sent, as Authgear checks them (pkg/lib/rolesgroups/key.go):
 * 1 to 40 characters of letters, digits, `:` and `_`, not starting with a digit, and not starting with the
 * reserved `authgear:` prefix.
 */
export type AccessKind = 'group' | 'role';

export const KEY_MAX_LENGTH = 40;
/** How many keys or users one action may name (the confirmation button carries them all). */
export const MAX_KEYS_PER_ACTION = 25;
const RESERVED_PREFIX = 'authgear:';

/** Why `key` is not a valid group or role key, in words; undefined when it is valid. */
export const keyProblem = (kind: AccessKind, key: string): string | undefined => {
  const shown = showKey(key);
  if (key.length === 0) return `Give the ${kind} a key.`;
  if (key.length > KEY_MAX_LENGTH)
    return `The ${kind} key ${shown} is too long: a key has at most ${KEY_MAX_LENGTH} characters.`;
  if (!/^[a-zA-Z0-9:_]+$/.test(key))
    return `The ${kind} key ${shown} can use only letters, digits, \`:\` and \`_\`.`;
  if (!/^[a-zA-Z_]/.test(key)) return `The ${kind} key ${shown} must start with a letter or \`_\`.`;
  if (key.startsWith(RESERVED_PREFIX))
    return `The ${kind} key ${shown} starts with \`authgear:\`, which Authgear reserves for itself.`;
  return undefined;
};

export const isValidKey = (key: string): boolean => keyProblem('group', key) === undefined;

/** One key, trimmed, with a kind message naming the problem. */
export const keySchema = (kind: AccessKind) =>
  z
    .string({ error: `Give the ${kind} key.` })
    .trim()
    .superRefine((key, ctx) => {
      const problem = keyProblem(kind, key);
      if (problem !== undefined) ctx.addIssue({ code: 'custom', message: problem });
    });

/** A list of distinct keys (1 to MAX_KEYS_PER_ACTION), each checked; the message names the first bad one. */
export const keyListSchema = (kind: AccessKind) =>
  z
    .array(z.string(), { error: `Name at least one ${kind} key.` })
    .transform((keys) => [...new Set(keys.map((k) => k.trim()).filter((k) => k !== ''))])
    .superRefine((keys, ctx) => {
      if (keys.length === 0) ctx.addIssue({ code: 'custom', message: `Name at least one ${kind} key.` });
      if (keys.length > MAX_KEYS_PER_ACTION) {
        ctx.addIssue({
          code: 'custom',
          message: `Name at most ${MAX_KEYS_PER_ACTION} ${kind}s at once; split the rest into another request.`,
        });
      }
      for (const key of keys) {
        const problem = keyProblem(kind, key);
        if (problem !== undefined) {
          ctx.addIssue({ code: 'custom', message: problem });
          return;
        }
      }
    });

/** Keys typed in one text box: separated by spaces, commas or new lines. */
export const splitKeys = (text: string | readonly string[] | undefined): string[] => {
  if (text === undefined) return [];
  const parts = typeof text === 'string' ? [text] : text;
  return parts.flatMap((p) => p.split(/[\s,]+/)).filter((k) => k !== '');
};

/** A key as shown in messages, in code style: a valid key as is (copyable), anything else escaped. */
export function showKey(key: string): string {
  return /^[a-zA-Z0-9:_]{1,40}$/.test(key) ? `\`${key}\`` : `${codeSpan(key, KEY_MAX_LENGTH + 10)}`;
}

/** A list of keys as shown in messages, cut after `max` with a count of the rest. */
export const showKeys = (keys: readonly string[], max = 10): string => {
  const shown = keys.slice(0, max).map(showKey).join(', ');
  return keys.length > max ? `${shown} and ${keys.length - max} more` : shown;
};
