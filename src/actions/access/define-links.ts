import { z } from 'zod';
import { keyListSchema, keySchema, showKey, showKeys, splitKeys } from '../../access/keys.js';
import {
  addGroupToRoles,
  addRoleToGroups,
  removeGroupFromRoles,
  removeRoleFromGroups,
} from '../../authgear/operations/access-links.js';
import type { ActionKey } from '../keys.js';
import { type ActionDefinition, defineAction } from '../types.js';
import { withKeyErrors } from './errors.js';
import { type AccessKind, counted, KINDS } from './kinds.js';
import { initialKey, type Preset, textValue } from './text.js';

const inputFor = (anchor: AccessKind) =>
  z.object({
    userId: z.string().optional(),
    key: keySchema(anchor),
    keys: keyListSchema(KINDS[anchor].other),
  });
export type LinkActionInput = z.output<ReturnType<typeof inputFor>>;

const consequences = (anchor: AccessKind, add: boolean, input: LinkActionInput): string[] => {
  const list = `${KINDS[KINDS[anchor].other].title}s (${input.keys.length}): ${showKeys(input.keys, 25)}`;
  if (anchor === 'role') {
    return [
      list,
      add
        ? `Every member of these groups gains role ${showKey(input.key)}.`
        : `Members of these groups lose role ${showKey(input.key)}, unless they hold it directly or through another group.`,
    ];
  }
  return [
    list,
    add
      ? `Every member of group ${showKey(input.key)} gains these roles.`
      : `Members of group ${showKey(input.key)} lose these roles, unless they hold them directly or through another group.`,
  ];
};

/**
 * `add-role-to-groups <roleKey> <groupKey…>` and its three siblings: one key on one side, a list on the other,
 * and always exactly one mutation, however long the list.
 */
export const defineLinkAction = (
  key: ActionKey,
  anchor: AccessKind,
  add: boolean,
): ActionDefinition<LinkActionInput> => {
  const a = KINDS[anchor];
  const o = KINDS[a.other];
  const verb = `${add ? 'add' : 'remove'}-${anchor}-${add ? 'to' : 'from'}-${o.plural}`;
  const title = `${add ? 'Add' : 'Remove'} ${a.noun} ${add ? 'to' : 'from'} ${o.plural}`;
  return defineAction({
    key,
    verbs: [verb],
    permission: a.permissions.members,
    title,
    usage: `${verb} <${anchor}Key> <${o.noun}Key…>`,
    description: `${add ? 'link' : 'unlink'} a ${a.noun} ${add ? 'to' : 'from'} up to 25 ${o.plural} at once`,
    targetsUser: false,
    input: inputFor(anchor),
    fromArgs: (args) => {
      const [key, ...keys] = args;
      return key === undefined || keys.length === 0 ? 'modal' : { key, keys };
    },
    fields: (_user, preset?: Preset) => [
      {
        kind: 'text',
        id: 'key',
        label: `${a.title} key`,
        maxLength: 40,
        ...initialKey(preset),
      },
      {
        kind: 'text',
        id: 'keys',
        label: `${o.title} keys`,
        multiline: true,
        hint: 'Separate keys with spaces, commas or new lines (up to 25).',
      },
    ],
    fromFields: (values) => ({ key: textValue(values, 'key') ?? '', keys: splitKeys(values.keys) }),
    confirm: (input) => ({
      title,
      target: `${a.noun} ${showKey(input.key)}`,
      consequences: consequences(anchor, add, input),
      confirmLabel: add ? 'Add links' : 'Remove links',
      danger: !add,
    }),
    execute: async (ctx, input) => {
      const named = { [anchor]: [input.key], [a.other]: input.keys };
      await withKeyErrors(named, async () => {
        if (anchor === 'role') {
          const variables = { input: { roleKey: input.key, groupKeys: [...input.keys] } };
          if (add) await ctx.api.run(addRoleToGroups, variables, ctx.auditContext);
          else await ctx.api.run(removeRoleFromGroups, variables, ctx.auditContext);
        } else {
          const variables = { input: { groupKey: input.key, roleKeys: [...input.keys] } };
          if (add) await ctx.api.run(addGroupToRoles, variables, ctx.auditContext);
          else await ctx.api.run(removeGroupFromRoles, variables, ctx.auditContext);
        }
      });
      return {
        message: `${add ? 'Added' : 'Removed'} ${a.noun} ${showKey(input.key)} ${add ? 'to' : 'from'} ${counted(input.keys.length, o.kind)}: ${showKeys(input.keys)}.`,
      };
    },
    summary: (input) => `${title}: ${showKey(input.key)} ${add ? '→' : '✕'} ${showKeys(input.keys)}`,
  });
};
