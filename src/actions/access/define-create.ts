import { z } from 'zod';
import { keySchema, showKey } from '../../access/keys.js';
import { createGroup, createRole, type SavedAccessNode } from '../../authgear/operations/access-mutations.js';
import { safe } from '../../blocks/primitives.js';
import type { ActionKey } from '../keys.js';
import { type ActionDefinition, defineAction } from '../types.js';
import { withKeyErrors } from './errors.js';
import { type AccessKind, KINDS } from './kinds.js';
import { DESCRIPTION_MAX, NAME_MAX, optionalText, restOf, textValue } from './text.js';

const inputFor = (kind: AccessKind) =>
  z.object({
    userId: z.string().optional(),
    key: keySchema(kind),
    name: optionalText('name', NAME_MAX),
    description: optionalText('description', DESCRIPTION_MAX),
  });
export type CreateAccessActionInput = z.output<ReturnType<typeof inputFor>>;

/** `create-group <key> [name…]` / `create-role …`; with no key, a form with key, name and description. */
export const defineCreateAction = (
  key: ActionKey,
  kind: AccessKind,
): ActionDefinition<CreateAccessActionInput> => {
  const k = KINDS[kind];
  return defineAction({
    key,
    verbs: [`create-${kind}`],
    permission: k.permissions.create,
    title: `Create ${k.noun}`,
    usage: `create-${kind} <key> [name…]`,
    description: `create a ${k.noun} (key: letters, digits, \`:\` and \`_\`, up to 40)`,
    targetsUser: false,
    input: inputFor(kind),
    fromArgs: (args) => {
      const [key] = args;
      if (key === undefined) return 'modal';
      const name = restOf(args, 1);
      return { key, ...(name === undefined ? {} : { name }) };
    },
    fields: () => [
      {
        kind: 'text',
        id: 'key',
        label: `${k.title} key`,
        maxLength: 40,
        placeholder: kind === 'group' ? 'support_team' : 'support:agent',
        hint: 'Up to 40 letters, digits, `:` and `_`; it starts with a letter or `_`. Apps see this key.',
      },
      { kind: 'text', id: 'name', label: 'Name', optional: true, maxLength: NAME_MAX },
      {
        kind: 'text',
        id: 'description',
        label: 'Description',
        optional: true,
        multiline: true,
        maxLength: DESCRIPTION_MAX,
      },
    ],
    fromFields: (values) => ({
      key: textValue(values, 'key') ?? '',
      name: textValue(values, 'name'),
      description: textValue(values, 'description'),
    }),
    confirm: (input) => ({
      title: `Create ${k.noun}`,
      target: `${k.noun} ${showKey(input.key)}`,
      consequences: [
        `Name: ${input.name ? safe(input.name, NAME_MAX) : '_none_'}`,
        `Description: ${input.description ? safe(input.description, DESCRIPTION_MAX) : '_none_'}`,
      ],
      confirmLabel: `Create ${k.noun}`,
      danger: false,
    }),
    execute: async (ctx, input) => {
      const variables = {
        input: { key: input.key, name: input.name || null, description: input.description || null },
      };
      const saved: SavedAccessNode = await withKeyErrors({ [kind]: [input.key] }, async () =>
        kind === 'group'
          ? (await ctx.api.run(createGroup, variables, ctx.auditContext)).createGroup.group
          : (await ctx.api.run(createRole, variables, ctx.auditContext)).createRole.role,
      );
      return {
        message: `Created ${k.noun} ${showKey(saved.key)}${saved.name ? ` (${safe(saved.name, NAME_MAX)})` : ''}.`,
      };
    },
    summary: (input) => `Create ${k.noun} ${showKey(input.key)}`,
  });
};
