import { z } from 'zod';
import { keySchema, MAX_KEYS_PER_ACTION, showKey } from '../../access/keys.js';
import {
  addGroupToUsers,
  addRoleToUsers,
  removeGroupFromUsers,
  removeRoleFromUsers,
} from '../../authgear/operations/access-links.js';
import { safe } from '../../blocks/primitives.js';
import { userLabel } from '../../blocks/user-card.js';
import type { ActionKey } from '../keys.js';
import { type ActionDefinition, defineAction } from '../types.js';
import { withKeyErrors } from './errors.js';
import { type AccessKind, counted, KINDS } from './kinds.js';
import { isResolvableRef, resolveUserRefs } from './lookup.js';
import { initialKey, type Preset, textValue } from './text.js';

const USERS_HELP =
  'Name users by email, phone (+15551234567), username or Authgear ID, separated by spaces or commas.';

const usersSchema = z
  .array(z.string())
  .transform((refs) => [...new Set(refs.map((r) => r.trim()).filter((r) => r !== ''))])
  .superRefine((refs, ctx) => {
    if (refs.length === 0) ctx.addIssue({ code: 'custom', message: `Name at least one user. ${USERS_HELP}` });
    if (refs.length > MAX_KEYS_PER_ACTION)
      ctx.addIssue({ code: 'custom', message: `Name at most ${MAX_KEYS_PER_ACTION} users at once.` });
    const bad = refs.find((r) => !isResolvableRef(r));
    if (bad !== undefined) {
      ctx.addIssue({
        code: 'custom',
        message: `I can't look up ${safe(bad, 100)} here. ${USERS_HELP} (For one Slack @mention, use \`add-user-to-roles\` or \`add-user-to-groups\`.)`,
      });
    }
  });

const inputFor = (kind: AccessKind) =>
  z.object({ userId: z.string().optional(), key: keySchema(kind), users: usersSchema });
export type MemberLinkActionInput = z.output<ReturnType<typeof inputFor>>;

const splitRefs = (v: string | readonly string[] | undefined): string[] =>
  (typeof v === 'string' ? [v] : (v ?? [])).flatMap((s) => s.split(/[\s,]+/)).filter((s) => s !== '');

/**
 * `add-role-to-users <roleKey> <who…>` and its three siblings. The pipeline resolves only one `<who>`, and
 * parsing does no I/O, so the references are checked for shape here and resolved exactly by `targets` when the
 * action runs (each must match one user, else nothing is sent); then one mutation carries every user ID.
 */
export const defineMemberLinkAction = (
  key: ActionKey,
  kind: AccessKind,
  add: boolean,
): ActionDefinition<MemberLinkActionInput> => {
  const k = KINDS[kind];
  const verb = `${add ? 'add' : 'remove'}-${kind}-${add ? 'to' : 'from'}-users`;
  const title = `${add ? 'Add' : 'Remove'} ${k.noun} ${add ? 'to' : 'from'} users`;
  return defineAction({
    key,
    verbs: [verb],
    permission: k.permissions.members,
    title,
    usage: `${verb} <${kind}Key> <who…>`,
    description: `${add ? 'give' : 'take'} a ${k.noun} ${add ? 'to' : 'from'} up to 25 users at once (emails, phones, usernames or IDs)`,
    targetsUser: false,
    // Adding yourself among the users is giving yourself access: only through another person's approval.
    needsAnotherPerson: add,
    targets: (ctx, input) => resolveUserRefs(ctx.api, input.users, ctx.auditContext),
    input: inputFor(kind),
    fromArgs: (args) => {
      const [key, ...users] = args;
      return key === undefined || users.length === 0 ? 'modal' : { key, users };
    },
    fields: (_user, preset?: Preset) => [
      {
        kind: 'text',
        id: 'key',
        label: `${k.title} key`,
        maxLength: 40,
        ...initialKey(preset),
      },
      { kind: 'text', id: 'users', label: 'Users', multiline: true, hint: USERS_HELP },
    ],
    fromFields: (values) => ({ key: textValue(values, 'key') ?? '', users: splitRefs(values.users) }),
    confirm: (input) => ({
      title,
      target: `${k.noun} ${showKey(input.key)}`,
      consequences: [
        `Users (${input.users.length}): ${input.users.map((u) => safe(u, 100)).join(', ')}`,
        'Each one must match exactly one Authgear user; otherwise nothing is changed.',
        add
          ? `${kind === 'role' ? 'They get this role' : 'They join this group'} from their next token on.`
          : `${kind === 'role' ? 'They lose this role' : 'They leave this group'}${kind === 'role' ? ', unless they hold it through a group' : ''}.`,
      ],
      confirmLabel: add ? `Add ${k.noun}` : `Remove ${k.noun}`,
      danger: !add,
    }),
    execute: async (ctx, input) => {
      // The execution resolved them just before (and checked they are not the requester).
      const users = ctx.targets ?? (await resolveUserRefs(ctx.api, input.users, ctx.auditContext));
      const userIDs = users.map((u) => u.id);
      await withKeyErrors({ [kind]: [input.key] }, async () => {
        if (kind === 'role') {
          const variables = { input: { roleKey: input.key, userIDs } };
          if (add) await ctx.api.run(addRoleToUsers, variables, ctx.auditContext);
          else await ctx.api.run(removeRoleFromUsers, variables, ctx.auditContext);
        } else {
          const variables = { input: { groupKey: input.key, userIDs } };
          if (add) await ctx.api.run(addGroupToUsers, variables, ctx.auditContext);
          else await ctx.api.run(removeGroupFromUsers, variables, ctx.auditContext);
        }
      });
      return {
        message: `${add ? 'Added' : 'Removed'} ${k.noun} ${showKey(input.key)} ${add ? 'to' : 'from'} ${counted(users.length, 'user')}: ${users.map(userLabel).join(', ')}.`,
      };
    },
    summary: (input) =>
      `${title}: ${showKey(input.key)} ${add ? '→' : '✕'} ${input.users.map((u) => safe(u, 100)).join(', ')}`,
  });
};
