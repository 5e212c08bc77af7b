import { z } from 'zod';
import type { AuthgearUser } from '../../authgear/operations/user-fields.js';
import { userLabel } from '../../blocks/user-card.js';
import { AppError } from '../../errors.js';
import type { GrantLedger } from '../../grants/ledger.js';
import type { GrantRecord } from '../../grants/record.js';
import { ActionKeys } from '../keys.js';
import { defineAction } from '../types.js';
import { checkKey, ledgerOf, runningOf, TARGET_USAGE, targetFields, targetSchema } from './shared.js';

const input = z
  .object({
    userId: z.string({ error: 'Name the user.' }),
    /** From a Revoke now button: that grant. From the slash verb: every running grant of the access. */
    grantId: z.string().max(100).optional(),
    ...targetSchema,
  })
  .superRefine(checkKey);

/** The running grants a revoke ends (that one, or every one of the access), or why there is none. */
const endingOf = async (
  ledger: GrantLedger,
  i: z.output<typeof input>,
  user: AuthgearUser | undefined,
): Promise<GrantRecord[]> => {
  const running = await runningOf(ledger, i);
  const ending = i.grantId ? running.filter((g) => g.id === i.grantId) : running;
  if (ending.length === 0)
    throw new AppError(
      'state.no_change',
      `No grant of ${i.kind} \`${i.key}\` is running for ${user ? userLabel(user) : 'that user'}.`,
    );
  return ending;
};

/**
 * `revoke-grant <who> role:<key>|group:<key>` and Revoke now: ends running grants at once and takes the access back;
 * the revoke scheduled at their end then finds nothing to do.
 */
export const revokeGrantAction = defineAction({
  key: ActionKeys.revokeGrant,
  verbs: ['revoke-grant'],
  permission: 'user.revoke_grant',
  title: 'Revoke a grant now',
  usage: `revoke-grant <who> ${TARGET_USAGE}`,
  description: 'end a time-boxed grant before its time and take the access back',
  input,
  fromArgs: (args) => targetFields(args[0]),
  confirm: (i, user) => ({
    title: 'Revoke a grant now',
    target: user ? userLabel(user) : 'this user',
    consequences: [
      `${i.grantId ? 'The grant' : 'Every running grant'} of ${i.kind} \`${i.key}\` ends now and the access is taken back.`,
    ],
    confirmLabel: 'Revoke now',
    danger: true,
  }),
  precheck: async (state, i, user) => {
    await endingOf(ledgerOf(state), i, user);
  },
  execute: async (ctx, i, user) => {
    const ledger = ledgerOf(ctx);
    const ending = await endingOf(ledger, i, user);
    let message = '';
    for (const g of ending) message = (await ledger.revokeNow(g.id, ctx.actor.userId)).message;
    return { message };
  },
  summary: (i, user) =>
    `Revoke the grant of ${i.kind} \`${i.key}\` from ${user ? userLabel(user) : 'a user'}`,
});
