import { z } from 'zod';
import type { AuthgearUser } from '../../authgear/operations/user-fields.js';
import { dateText, durationText } from '../../blocks/time.js';
import { userLabel } from '../../blocks/user-card.js';
import { AppError } from '../../errors.js';
import type { GrantLedger } from '../../grants/ledger.js';
import type { GrantRecord } from '../../grants/record.js';
import { ActionKeys } from '../keys.js';
import { defineAction } from '../types.js';
import {
  checkDuration,
  checkKey,
  durationSchema,
  ledgerOf,
  limitFor,
  reasonSchema,
  runningOf,
  TARGET_USAGE,
  targetSchema,
  timedArgs,
} from './shared.js';

const input = z
  .object({
    userId: z.string({ error: 'Name the user.' }),
    /** From the reminder's Extend button: exactly that grant. From the slash verb: the running grant of the access. */
    grantId: z.string().max(100).optional(),
    ...targetSchema,
    durationMs: durationSchema,
    reason: reasonSchema,
  })
  .superRefine(checkKey);

/** The running grant an extension moves (that one, or the one of the access ending last), or why there is none. */
const extendedOf = async (
  ledger: GrantLedger,
  i: z.output<typeof input>,
  user: AuthgearUser | undefined,
): Promise<GrantRecord> => {
  const running = await runningOf(ledger, i);
  const grant = i.grantId ? running.find((g) => g.id === i.grantId) : running.at(-1);
  if (!grant)
    throw new AppError(
      'state.no_change',
      `No grant of ${i.kind} \`${i.key}\` is running for ${user ? userLabel(user) : 'that user'}. Ask for a new one with \`/authgear grant\`.`,
    );
  return grant;
};

/**
 * `extend-grant <who> role:<key>|group:<key> by <duration> [reason]`, and Extend on the reminder: a new request (so
 * the same approval as a grant applies) that moves the end of a running grant later.
 */
export const extendGrantAction = defineAction({
  key: ActionKeys.extendGrant,
  verbs: ['extend-grant'],
  permission: 'user.grant',
  needsAnotherPerson: true,
  title: 'Extend a grant',
  usage: `extend-grant <who> ${TARGET_USAGE} by <duration> [reason]`,
  description: 'move the end of a running grant later (asked and approved like a new grant)',
  input,
  fromArgs: (args) => timedArgs(args, ['by', 'for']),
  check: (i, _user, _now, policy, actor) => {
    if (policy) checkDuration(policy, i, actor);
  },
  confirm: (i, user) => ({
    title: 'Extend a grant',
    target: user ? userLabel(user) : 'this user',
    consequences: [
      `The grant of ${i.kind} \`${i.key}\` ends ${durationText(i.durationMs)} later than it does now.`,
      ...(i.reason ? [`Reason: ${i.reason}`] : []),
    ],
    confirmLabel: 'Extend',
    danger: false,
  }),
  precheck: async (state, i, user) => {
    await extendedOf(ledgerOf(state), i, user);
  },
  execute: async (ctx, i, user) => {
    const ledger = ledgerOf(ctx);
    const grant = await extendedOf(ledger, i, user);
    const extended = await ledger.extend(grant.id, i.durationMs, limitFor(ledger.policy, i, ctx.actor.roles));
    return {
      message: `Extended: ${i.kind} \`${i.key}\` for ${extended.user.label} now ends ${dateText(extended.exp)}.`,
    };
  },
  summary: (i, user) =>
    `Extend the grant of ${i.kind} \`${i.key}\` to ${user ? userLabel(user) : 'a user'} by ${durationText(i.durationMs)}`,
});
