import { z } from 'zod';
import type { AuthgearUser } from '../../../authgear/operations/user-fields.js';
import { AppError } from '../../../errors.js';
import type { FieldSpec, FieldValues } from '../../types.js';
import {
  attributeNameProblem,
  attributeValueProblem,
  CUSTOM_PREFIX,
  parseAssignments,
  reservedNameProblem,
  STANDARD_ATTRIBUTES,
} from './attributes.js';

/**
 * The `edit` input is flat so that modal block IDs equal input keys: `given_name`, `custom.department`, … each a
 * string ('' = remove it), plus `expectedUpdatedAt`, the user's `updatedAt` when the person started editing.
 */
const RESERVED = ['userId', 'expectedUpdatedAt'];

/**
 * Refuses reserved names (`__proto__`, …) on the raw keys, before zod builds its output: zod drops an own
 * `__proto__` key without a word, and the person must hear why their edit is refused rather than lose it.
 */
const refuseReservedKeys = (
  raw: unknown,
  ctx: { addIssue: (issue: z.core.$ZodRawIssue) => void },
): unknown => {
  if (typeof raw !== 'object' || raw === null) return raw;
  for (const key of Object.keys(raw)) {
    const problem = reservedNameProblem(key);
    if (problem !== undefined) ctx.addIssue({ code: 'custom', path: [], message: problem, input: raw });
  }
  return raw;
};

const editObject = z
  .object({
    userId: z.string().min(1),
    expectedUpdatedAt: z.string().min(1).optional(),
  })
  .catchall(z.string({ error: 'Enter text for this attribute.' }))
  .superRefine((value, ctx) => {
    let count = 0;
    for (const [key, text] of Object.entries(value)) {
      if (RESERVED.includes(key) || typeof text !== 'string') continue;
      count += 1;
      const problem = attributeNameProblem(key) ?? attributeValueProblem(key, text);
      if (problem !== undefined) ctx.addIssue({ code: 'custom', path: [key], message: problem });
    }
    if (count === 0)
      ctx.addIssue({
        code: 'custom',
        path: [],
        message: 'Name at least one attribute to change, like `name=Alice Smith`.',
      });
  });

export const editInput = z.preprocess(refuseReservedKeys, editObject);
export type EditInput = z.output<typeof editInput>;

/** The attribute edits in an input: key → new text ('' = remove). */
export const attributesOf = (input: Readonly<Record<string, unknown>>): Record<string, string> =>
  Object.fromEntries(
    Object.entries(input).filter(
      (e): e is [string, string] => !RESERVED.includes(e[0]) && typeof e[1] === 'string',
    ),
  );

export const EDIT_USAGE = 'edit <who> name=Alice Smith given_name=Alice custom.department=Sales';

/** Slash args → raw input; no args → the form. */
export const editFromArgs = (args: readonly string[]): Record<string, unknown> | 'modal' => {
  if (args.length === 0) return 'modal';
  const parsed = parseAssignments(args);
  if (parsed === undefined)
    throw new AppError(
      'input.usage',
      `Usage: \`/authgear ${EDIT_USAGE}\` (\`key=\` with no value removes it).`,
    );
  return parsed;
};

const text = (v: unknown): string | undefined =>
  typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : undefined;

const versionLabel = (iso: string): string => {
  const t = Date.parse(iso);
  return Number.isNaN(t)
    ? iso
    : new Date(t)
        .toISOString()
        .replace('T', ' ')
        .replace(/\.\d+Z$/, ' UTC');
};

/** The form: every editable standard attribute and the user's custom ones, prefilled; plus the version seen. */
export const editFields = (user: AuthgearUser | undefined): FieldSpec[] => {
  const std = user?.standardAttributes ?? {};
  const custom = user?.customAttributes ?? {};
  const fields: FieldSpec[] = STANDARD_ATTRIBUTES.filter((a) => a !== 'address').map((name) => {
    const initial = text(std[name]);
    return {
      kind: 'text',
      id: name,
      label: name,
      optional: true,
      maxLength: 1000,
      ...(initial === undefined ? {} : { initial }),
    };
  });
  for (const [name, value] of Object.entries(custom)) {
    const initial = text(value);
    fields.push({
      kind: 'text',
      id: `${CUSTOM_PREFIX}${name}`,
      label: `${name} (custom)`,
      optional: true,
      maxLength: 1000,
      ...(initial === undefined ? {} : { initial }),
    });
  }
  if (user !== undefined) {
    fields.push({
      kind: 'select',
      id: 'expectedUpdatedAt',
      label: 'Editing the version saved at',
      options: [{ value: user.updatedAt, label: versionLabel(user.updatedAt) }],
      initial: user.updatedAt,
      hint: 'If someone changes this user before you confirm, the bot stops and asks you to reload.',
    });
  }
  return fields;
};

/** Submitted form → raw input: an emptied field becomes '' (remove), the version passes through. */
export const editFromFields = (values: FieldValues): Record<string, unknown> => {
  // No prototype, as in parseAssignments: a reserved key stays visible to the schema.
  const raw: Record<string, unknown> = Object.create(null);
  for (const [key, value] of Object.entries(values)) {
    if (Array.isArray(value)) continue;
    if (key === 'expectedUpdatedAt') {
      if (typeof value === 'string') raw[key] = value;
      continue;
    }
    raw[key] = typeof value === 'string' ? value : '';
  }
  return raw;
};
