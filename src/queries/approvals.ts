/**
 * `/authgear approvals`: what waits on me, and my own pending requests (with Cancel). The approval service reaches
 * the query through `ctx.services.approvals` (createApp: `extras: { approvals }`).
 */
import type { ApprovalRecord } from '../approvals/record.js';
import { approvalsListMessage, LIST_SHOWN } from '../blocks/approvals-list.js';
import { AppError } from '../errors.js';
import type { Actor } from '../permissions/authorize.js';
import { targetsOrUnavailable } from './approval-targets.js';
import type { QueryServices, QueryVerb } from './types.js';

/** What the query needs from the approval service. */
export interface ApprovalLists {
  pendingFor(actor: Actor): Promise<ApprovalRecord[]>;
  requestsBy(userId: string, limit?: number): Promise<ApprovalRecord[]>;
}

const isApprovalLists = (v: unknown): v is ApprovalLists =>
  typeof v === 'object' &&
  v !== null &&
  'pendingFor' in v &&
  typeof v.pendingFor === 'function' &&
  'requestsBy' in v &&
  typeof v.requestsBy === 'function';

/** The approval service among the query services, or a kind refusal when approvals are not set up. */
export const approvalListsOf = (services: QueryServices): ApprovalLists => {
  const found = services.approvals;
  if (!isApprovalLists(found))
    throw new AppError('config.invalid', 'Approvals are not set up on this bot, so nothing waits on anyone.');
  return found;
};

export const approvalsQuery: QueryVerb = {
  verbs: ['approvals'],
  permission: 'approvals.view',
  usage: 'approvals',
  description: 'list requests waiting on your approval, and your own pending requests',
  async run(ctx) {
    const lists = approvalListsOf(ctx.services);
    const [waiting, mine] = await Promise.all([
      lists.pendingFor(ctx.actor),
      lists.requestsBy(ctx.actor.userId, 50),
    ]);
    const open = (r: ApprovalRecord) => r.state === 'pending' && Date.parse(r.expiresAt) > ctx.now.getTime();
    const pending = mine.filter(open);
    const shown = [...waiting.slice(0, LIST_SHOWN), ...pending.slice(0, LIST_SHOWN)];
    const targets = await targetsOrUnavailable(ctx.api, shown, ctx.auditContext, ctx.now);
    return approvalsListMessage({ waiting, mine: pending, targets });
  },
};
