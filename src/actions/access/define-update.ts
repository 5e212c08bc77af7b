import { z } from 'zod';
import { keySchema, showKey } from '../../access/keys.js';
import { updateGroup, updateRole } from '../../authgear/operations/access-mutations.js';
import { safe } from '../../blocks/primitives.js';
import { AppError } from '../../errors.js';
import type { ActionKey } from '../keys.js';
import { type ActionDefinition, defineAction } from '../types.js';
import { withKeyErrors } from './errors.js';
import { type AccessKind, KINDS } from './kinds.js';
import { requireByKey } from './lookup.js';
import {
  DESCRIPTION_MAX,
  initialKey,
  isChecked,
  NAME_MAX,
  optionalText,
  type Preset,
  restOf,
  textValue,
} from './text.js';

const FIELDS = ['key', 'name', 'description'] as const;

const inputFor = (kind: AccessKind) =>
  z
    .object({
      userId: z.string().optional(),
      current: keySchema(kind),
      key: keySchema(kind).optional(),
      name: optionalText('name', NAME_MAX),
      description: optionalText('description', DESCRIPTION_MAX),
    })
    .refine((i) => i.key !== undefined || i.name !== undefined || i.description !== undefined, {
      message: 'Change at least one thing: the key, the name or the description.',
      path: ['name'],
    });
export type UpdateAccessActionInput = z.output<ReturnType<typeof inputFor>>;

/** What the person asked for, in words: a new value, a removal (""), or nothing (undefined). */
const change = (label: string, value: string | undefined, max: number): string[] =>
  value === undefined
    ? []
    : value === ''
      ? [`${label}: removed`]
      : [`${label}: set to “${safe(value, max)}”`];

/**
 * `update-group <key> <key|name|description> [value…]`: one field at a time from Slack (an empty name or
 * description removes it); the form changes several. Untouched fields are sent as null, removals as "".
 */
export const defineUpdateAction = (
  key: ActionKey,
  kind: AccessKind,
): ActionDefinition<UpdateAccessActionInput> => {
  const k = KINDS[kind];
  return defineAction({
    key,
    verbs: [`update-${kind}`],
    permission: k.permissions.update,
    title: `Update ${k.noun}`,
    usage: `update-${kind} <key> <key|name|description> [value…]`,
    description: `change a ${k.noun}'s key, name or description (no value removes a name or description)`,
    targetsUser: false,
    input: inputFor(kind),
    fromArgs: (args) => {
      const [current, field] = args;
      if (current === undefined || field === undefined) return 'modal';
      const value = restOf(args, 2);
      if (!(FIELDS as readonly string[]).includes(field)) {
        throw new AppError(
          'input.usage',
          `Say which field to change: \`/authgear update-${kind} <key> <key|name|description> [value…]\`.`,
        );
      }
      return { current, [field]: value ?? '' };
    },
    fields: (_user, preset?: Preset) => [
      {
        kind: 'text',
        id: 'current',
        label: `${k.title} to change (its key)`,
        maxLength: 40,
        ...initialKey(preset),
      },
      {
        kind: 'text',
        id: 'key',
        label: 'New key',
        optional: true,
        maxLength: 40,
        hint: 'Leave empty to keep the key. Apps that check the key must then use the new one.',
      },
      { kind: 'text', id: 'name', label: 'New name', optional: true, maxLength: NAME_MAX },
      { kind: 'checkbox', id: 'clearName', label: 'Remove the name', optional: true },
      {
        kind: 'text',
        id: 'description',
        label: 'New description',
        optional: true,
        multiline: true,
        maxLength: DESCRIPTION_MAX,
      },
      { kind: 'checkbox', id: 'clearDescription', label: 'Remove the description', optional: true },
    ],
    fromFields: (values) => ({
      current: textValue(values, 'current') ?? '',
      key: textValue(values, 'key'),
      name: isChecked(values, 'clearName') ? '' : textValue(values, 'name'),
      description: isChecked(values, 'clearDescription') ? '' : textValue(values, 'description'),
    }),
    confirm: (input) => ({
      title: `Update ${k.noun}`,
      target: `${k.noun} ${showKey(input.current)}`,
      consequences: [
        ...(input.key === undefined
          ? []
          : [
              `Key: ${showKey(input.current)} → ${showKey(input.key)} (apps that check the key must use the new one)`,
            ]),
        ...change('Name', input.name, NAME_MAX),
        ...change('Description', input.description, DESCRIPTION_MAX),
      ],
      confirmLabel: 'Save changes',
      danger: false,
    }),
    execute: async (ctx, input) => {
      const found = await requireByKey(ctx.api, kind, input.current, ctx.auditContext);
      const same = (value: string | undefined, now: string | null | undefined) =>
        value === undefined || value === (now ?? '');
      if (
        same(input.key, found.key) &&
        same(input.name, found.name) &&
        same(input.description, found.description)
      ) {
        throw new AppError('state.no_change', `${k.title} ${showKey(found.key)} already looks like that.`);
      }
      const variables = {
        input: {
          id: found.id,
          key: input.key ?? null,
          name: input.name ?? null,
          description: input.description ?? null,
        },
      };
      const saved = await withKeyErrors({ [kind]: [input.key ?? input.current] }, async () =>
        kind === 'group'
          ? (await ctx.api.run(updateGroup, variables, ctx.auditContext)).updateGroup.group
          : (await ctx.api.run(updateRole, variables, ctx.auditContext)).updateRole.role,
      );
      return { message: `Updated ${k.noun} ${showKey(saved.key)}.` };
    },
    summary: (input) =>
      `Update ${k.noun} ${showKey(input.current)}: ${[
        input.key === undefined ? '' : `key → ${showKey(input.key)}`,
        input.name === undefined ? '' : input.name === '' ? 'name removed' : 'name changed',
        input.description === undefined
          ? ''
          : input.description === ''
            ? 'description removed'
            : 'description changed',
      ]
        .filter(Boolean)
        .join(', ')}`,
  });
};
