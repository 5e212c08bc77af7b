import { z } from 'zod';
import { addUserToGroups, addUserToRoles } from '../../authgear/operations/access-links.js';
import { dateText, durationText } from '../../blocks/time.js';
import { userLabel } from '../../blocks/user-card.js';
import { AppError } from '../../errors.js';
import { withKeyErrors } from '../access/errors.js';
import { textValue } from '../access/text.js';
import { ActionKeys } from '../keys.js';
import { defineAction } from '../types.js';
import {
  checkDuration,
  checkKey,
  durationField,
  durationSchema,
  ledgerOf,
  reasonSchema,
  runningOf,
  TARGET_USAGE,
  targetSchema,
  timedArgs,
} from './shared.js';

const input = z
  .object({
    userId: z.string({ error: 'Name the user.' }),
    ...targetSchema,
    durationMs: durationSchema,
    reason: reasonSchema,
  })
  .superRefine(checkKey);
export type GrantInput = z.output<typeof input>;

/**
 * `grant <who> role:<key>|group:<key> for <duration> [reason]`: gives the access now and takes it back at the end,
 * exactly once, whatever restarts in between. The grant is scheduled before Authgear is asked to add anything.
 */
export const grantAction = defineAction({
  key: ActionKeys.grant,
  verbs: ['grant'],
  permission: 'user.grant',
  needsAnotherPerson: true,
  title: 'Grant access for a while',
  usage: `grant <who> ${TARGET_USAGE} for <duration> [reason]`,
  description: 'give a role or group that is taken back automatically when the time is up',
  cardButton: { label: 'Grant for a while' },
  input,
  fromArgs: (args) => (args.length === 0 ? 'modal' : timedArgs(args, ['for'])),
  fields: () => [
    {
      kind: 'select',
      id: 'kind',
      label: 'Give a',
      options: [
        { value: 'role', label: 'Role' },
        { value: 'group', label: 'Group' },
      ],
      initial: 'role',
    },
    { kind: 'text', id: 'key', label: 'Key', maxLength: 40, placeholder: 'support_lead' },
    {
      kind: 'text',
      id: 'duration',
      label: 'For how long',
      maxLength: 20,
      placeholder: '2h',
      hint: 'For example 30m, 2h or 1d; the policy sets the longest.',
    },
    { kind: 'text', id: 'reason', label: 'Reason', optional: true, multiline: true, maxLength: 500 },
  ],
  fromFields: (values) => ({
    kind: textValue(values, 'kind'),
    key: textValue(values, 'key'),
    durationMs: durationField(textValue(values, 'duration')),
    reason: textValue(values, 'reason'),
  }),
  check: (i, _user, _now, policy, actor) => {
    if (policy) checkDuration(policy, i, actor);
  },
  confirm: (i, user) => ({
    title: 'Grant access for a while',
    target: user ? userLabel(user) : 'this user',
    consequences: [
      `${i.kind === 'role' ? 'Role' : 'Group'} \`${i.key}\` for ${durationText(i.durationMs)}, from when it runs.`,
      'It is taken back automatically when the time is up. You get a reminder with Extend shortly before.',
      ...(i.reason ? [`Reason: ${i.reason}`] : []),
    ],
    confirmLabel: 'Grant',
    danger: false,
  }),
  execute: async (ctx, i, user) => {
    const ledger = ledgerOf(ctx);
    const label = user ? userLabel(user) : 'the user';
    const held = user
      ? (i.kind === 'role' ? user.roles : user.groups).nodes.some((n) => n.key === i.key)
      : false;
    if (held && (await runningOf(ledger, i)).length === 0)
      throw new AppError(
        'state.no_change',
        `${label} already holds ${i.kind} \`${i.key}\` for good. A grant for a while would take it away when it ends.`,
      );
    const record = await ledger.grant(
      {
        user: { id: i.userId, label },
        target: { kind: i.kind, key: i.key },
        requester: {
          userId: ctx.actor.userId,
          ...(ctx.actor.teamId ? { teamId: ctx.actor.teamId } : {}),
          ...(ctx.actor.name ? { name: ctx.actor.name } : {}),
        },
        reason: i.reason,
        durationMs: i.durationMs,
      },
      () =>
        withKeyErrors({ [i.kind]: [i.key] }, async () => {
          if (i.kind === 'role')
            await ctx.api.run(
              addUserToRoles,
              { input: { userID: i.userId, roleKeys: [i.key] } },
              ctx.auditContext,
            );
          else
            await ctx.api.run(
              addUserToGroups,
              { input: { userID: i.userId, groupKeys: [i.key] } },
              ctx.auditContext,
            );
        }),
    );
    return {
      message: `Granted ${i.kind} \`${i.key}\` to ${label} until ${dateText(record.exp)}. It is taken back then.`,
    };
  },
  summary: (i, user) =>
    `Grant ${i.kind} \`${i.key}\` to ${user ? userLabel(user) : 'a user'} for ${durationText(i.durationMs)}`,
});
