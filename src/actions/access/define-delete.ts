import { z } from 'zod';
import { keySchema, showKey } from '../../access/keys.js';
import { getGroupNode, getRoleNode } from '../../authgear/operations/access.js';
import { deleteGroup, deleteRole } from '../../authgear/operations/access-mutations.js';
import type { ActionKey } from '../keys.js';
import { type ActionDefinition, defineAction } from '../types.js';
import { withKeyErrors } from './errors.js';
import { type AccessKind, counted, KINDS } from './kinds.js';
import { requireByKey } from './lookup.js';
import { initialKey, type Preset, textValue } from './text.js';

const MEMBER_PAGE = 100;

const inputFor = (kind: AccessKind) => z.object({ userId: z.string().optional(), key: keySchema(kind) });
export type DeleteAccessActionInput = z.output<ReturnType<typeof inputFor>>;

const CONSEQUENCES: Record<AccessKind, readonly string[]> = {
  group: [
    'The group is deleted for good, with every link it has: its roles and its members. This cannot be undone.',
    'Members lose the roles they held only through this group, from their next token on.',
    'The result lists how many links went with it.',
  ],
  role: [
    'The role is deleted for good, with every link it has: the groups and the users that have it. This cannot be undone.',
    'Users lose this role from their next token on; apps that check it will refuse them.',
    'The result lists how many links went with it.',
  ],
};

/** `delete-group <key>` / `delete-role <key>`: reads the links first, deletes, and tells what went with it. */
export const defineDeleteAction = (
  key: ActionKey,
  kind: AccessKind,
): ActionDefinition<DeleteAccessActionInput> => {
  const k = KINDS[kind];
  return defineAction({
    key,
    verbs: [`delete-${kind}`],
    permission: k.permissions.delete,
    irreversible: true,
    title: `Delete ${k.noun}`,
    usage: `delete-${kind} <key>`,
    description: `delete a ${k.noun} and all its links`,
    targetsUser: false,
    input: inputFor(kind),
    fromArgs: (args) => (args[0] === undefined ? 'modal' : { key: args[0] }),
    fields: (_user, preset?: Preset) => [
      {
        kind: 'text',
        id: 'key',
        label: `${k.title} to delete (its key)`,
        maxLength: 40,
        ...initialKey(preset),
      },
    ],
    fromFields: (values) => ({ key: textValue(values, 'key') ?? '' }),
    confirm: (input) => ({
      title: `Delete ${k.noun}`,
      target: `${k.noun} ${showKey(input.key)}`,
      consequences: CONSEQUENCES[kind],
      confirmLabel: `Delete ${k.noun}`,
      danger: true,
    }),
    execute: async (ctx, input) => {
      const found = await requireByKey(ctx.api, kind, input.key, ctx.auditContext);
      const links = kind === 'group' ? found.roles?.totalCount : found.groups?.totalCount;
      // Authgear gives no member total: count one page of up to 100 ("100+" when it may hold more).
      const nodeVariables = { id: found.id, usersFirst: MEMBER_PAGE, usersAfter: null };
      const { node } =
        kind === 'group'
          ? await ctx.api.run(getGroupNode, nodeVariables, ctx.auditContext)
          : await ctx.api.run(getRoleNode, nodeVariables, ctx.auditContext);
      const members = node !== null && 'users' in node ? node.users : { nodes: [], next: undefined };
      const memberWord = kind === 'group' ? 'member' : 'user';
      const users =
        members.next === undefined
          ? counted(members.nodes.length, memberWord)
          : `${members.nodes.length}+ ${memberWord}s`;
      const variables = { input: { id: found.id } };
      await withKeyErrors({ [kind]: [input.key] }, async () => {
        if (kind === 'group') await ctx.api.run(deleteGroup, variables, ctx.auditContext);
        else await ctx.api.run(deleteRole, variables, ctx.auditContext);
      });
      const linked = `${counted(links ?? 0, k.other)} and ${users}`;
      return {
        message: `Deleted ${k.noun} ${showKey(found.key)}. It was linked to ${linked}; those links are gone.`,
      };
    },
    summary: (input) => `Delete ${k.noun} ${showKey(input.key)}`,
  });
};
