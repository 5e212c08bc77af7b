/**
 * `/authgear grants [who]`: the time-boxed grants that have not ended (running, being revoked, overdue), soonest end
 * first, with Revoke now for people who may end them. The ledger reaches the query through `ctx.services.grants`.
 */
import { grantsListMessage } from '../blocks/grants.js';
import { userLabel } from '../blocks/user-card.js';
import { AppError } from '../errors.js';
import type { GrantLedger } from '../grants/ledger.js';
import { grants as grantsRight } from '../permissions/authorize.js';
import type { QueryServices, QueryVerb } from './types.js';

const isLedger = (v: unknown): v is GrantLedger =>
  typeof v === 'object' && v !== null && 'live' in v && typeof v.live === 'function';

/** The grant ledger among the query services, or a kind refusal when grants are not set up. */
export const grantLedgerOf = (services: QueryServices): GrantLedger => {
  const found = services.grants;
  if (!isLedger(found)) throw new AppError('config.invalid', 'Time-boxed grants are not set up on this bot.');
  return found;
};

export const grantsQuery: QueryVerb = {
  verbs: ['grants'],
  permission: 'user.view',
  usage: 'grants [who]',
  description: 'list time-boxed grants that have not ended (overdue revokes first), with Revoke now',
  async run(ctx, args) {
    const ledger = grantLedgerOf(ctx.services);
    const who = args[0];
    let user: { id: string; label: string } | undefined;
    if (who !== undefined) {
      const found = await ctx.users.resolve(who, ctx.auditContext);
      if (found.kind === 'none')
        throw new AppError('user.not_found', 'No Authgear user matches that. Try `/authgear search`.');
      if (found.kind === 'many')
        throw new AppError(
          'user.ambiguous',
          'Several users match that. Name one exactly (an email or an ID).',
        );
      user = { id: found.user.id, label: userLabel(found.user) };
    }
    const records = await ledger.live(user?.id);
    return grantsListMessage(records, {
      now: ctx.now.getTime(),
      canRevoke: grantsRight(ctx.policy, ctx.actor.roles, 'user.revoke_grant'),
      whose: user?.label,
    });
  },
};
