import { z } from 'zod';
import { keyListSchema, showKeys, splitKeys } from '../../access/keys.js';
import {
  addUserToGroups,
  addUserToRoles,
  removeUserFromGroups,
  removeUserFromRoles,
} from '../../authgear/operations/access-links.js';
import type { AuthgearUser } from '../../authgear/operations/user-fields.js';
import { userLabel } from '../../blocks/user-card.js';
import { AppError } from '../../errors.js';
import type { ActionKey } from '../keys.js';
import { type ActionDefinition, defineAction, type FieldSpec } from '../types.js';
import { withKeyErrors } from './errors.js';
import { type AccessKind, KINDS } from './kinds.js';

const inputFor = (kind: AccessKind) =>
  z.object({ userId: z.string({ error: 'Name the user.' }), keys: keyListSchema(kind) });
export type UserLinkActionInput = z.output<ReturnType<typeof inputFor>>;

/** The user's direct groups or roles, when the card read all of them (undefined when the list was cut). */
const directKeys = (user: AuthgearUser, kind: AccessKind): Set<string> | undefined => {
  const links = kind === 'group' ? user.groups : user.roles;
  return links.nodes.length >= links.totalCount ? new Set(links.nodes.map((n) => n.key)) : undefined;
};

/**
 * `add-user-to-roles <who> <roleKey…>` and its three siblings: one user (resolved by the pipeline, so `<who>` can
 * be a Slack mention), a list of keys, one mutation. Removing offers the user's current direct links.
 */
export const defineUserLinkAction = (
  key: ActionKey,
  kind: AccessKind,
  add: boolean,
): ActionDefinition<UserLinkActionInput> => {
  const k = KINDS[kind];
  const verb = `${add ? 'add' : 'remove'}-user-${add ? 'to' : 'from'}-${k.plural}`;
  const title = `${add ? 'Add user to' : 'Remove user from'} ${k.plural}`;
  return defineAction({
    key,
    verbs: [verb],
    permission: k.permissions.members,
    // Adding yourself is giving yourself access: only through another person's approval. Removing is fine.
    needsAnotherPerson: add,
    title,
    usage: `${verb} <who> <${kind}Key…>`,
    description: `${add ? 'give a user' : 'take from a user'} ${k.plural} directly (up to 25 at once)`,
    cardButton: add
      ? { label: kind === 'role' ? 'Add roles' : 'Add to groups' }
      : {
          label: kind === 'role' ? 'Remove roles' : 'Remove from groups',
          show: (u) => (kind === 'role' ? u.roles : u.groups).totalCount > 0,
        },
    input: inputFor(kind),
    fromArgs: (args) => (args.length === 0 ? 'modal' : { keys: [...args] }),
    fields: (user): FieldSpec[] => {
      const current = user === undefined ? [] : (kind === 'role' ? user.roles : user.groups).nodes;
      if (!add && current.length > 0) {
        return [
          {
            kind: 'multi_select',
            id: 'keys',
            label: `${k.title}s to remove`,
            options: current.map((n) => ({ value: n.key, label: n.name ? `${n.key} (${n.name})` : n.key })),
          },
        ];
      }
      return [
        {
          kind: 'text',
          id: 'keys',
          label: `${k.title} keys`,
          multiline: true,
          hint: 'Separate keys with spaces, commas or new lines (up to 25).',
        },
      ];
    },
    fromFields: (values) => ({ keys: splitKeys(values.keys) }),
    check: (input, user) => {
      if (user === undefined) return;
      const held = directKeys(user, kind);
      if (held === undefined) return;
      if (add && input.keys.every((key) => held.has(key))) {
        throw new AppError('state.no_change', `${userLabel(user)} already has ${showKeys(input.keys)}.`);
      }
      if (!add && !input.keys.some((key) => held.has(key))) {
        throw new AppError(
          'state.no_change',
          `${userLabel(user)} has none of ${showKeys(input.keys)} directly. (A ${k.noun} held through a group is removed from the group instead.)`,
        );
      }
    },
    confirm: (input, user) => ({
      title,
      target: user ? userLabel(user) : 'this user',
      consequences: [
        `${k.title}s (${input.keys.length}): ${showKeys(input.keys, 25)}`,
        add
          ? `The user ${kind === 'role' ? 'gets these roles' : 'joins these groups'} from their next token on.`
          : `The user ${kind === 'role' ? 'loses these roles' : 'leaves these groups'}, unless they hold them through a group.`,
      ],
      confirmLabel: add ? `Add ${k.plural}` : `Remove ${k.plural}`,
      danger: !add,
    }),
    execute: async (ctx, input, user) => {
      await withKeyErrors({ [kind]: input.keys }, async () => {
        if (kind === 'role') {
          const variables = { input: { userID: input.userId, roleKeys: [...input.keys] } };
          if (add) await ctx.api.run(addUserToRoles, variables, ctx.auditContext);
          else await ctx.api.run(removeUserFromRoles, variables, ctx.auditContext);
        } else {
          const variables = { input: { userID: input.userId, groupKeys: [...input.keys] } };
          if (add) await ctx.api.run(addUserToGroups, variables, ctx.auditContext);
          else await ctx.api.run(removeUserFromGroups, variables, ctx.auditContext);
        }
      });
      const who = user ? userLabel(user) : 'the user';
      return {
        message: add
          ? `Added ${who} to ${k.plural} ${showKeys(input.keys)}.`
          : `Removed ${who} from ${k.plural} ${showKeys(input.keys)}.`,
      };
    },
    summary: (input, user) =>
      `${title}: ${user ? userLabel(user) : 'a user'} ${add ? '+' : '−'} ${showKeys(input.keys)}`,
  });
};
