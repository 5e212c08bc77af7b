/**
 * The pipeline's approval gate, request side: park an action that needs a second person, post its card to the
 * approvals channel (before the request is stored, so none is ever live without its card) and audit the request.
 * Decisions on the card live in service.ts.
 */

import { typedLabel } from '../actions/least-privilege.js';
import type { AnyActionDefinition } from '../actions/types.js';
import { escapeText } from '../blocks/primitives.js';
import { userLabel } from '../blocks/user-card.js';
import type { Policy } from '../config/policy.js';
import { AppError, isAppError } from '../errors.js';
import type { ApprovalGate, GateOutcome, GateRequest } from './gate.js';
import { newApprovalId } from './ids.js';
import type { Notifier } from './notify.js';
import { type ApprovalRecord, newApprovalRecord } from './record.js';
import type { ApprovalStore } from './store.js';

export interface ApprovalGateDeps {
  readonly store: ApprovalStore;
  readonly policy: Policy;
  readonly notify: Notifier;
  readonly now: () => Date;
}

/** The refusal when the policy wants a reason and none was given, saying how to give one. */
export const missingReasonError = (def: AnyActionDefinition): AppError => {
  if (!/reason/i.test(def.usage))
    return new AppError(
      'input.invalid',
      `This action needs approval and a reason, but \`${def.verbs[0] ?? def.key}\` takes no reason. ` +
        `Ask an admin to check \`require_reason\` for \`${def.permission}\` in the policy.`,
    );
  const usage = def.usage.replace(/\[(reason[^\]]*)\]/i, '<$1>');
  return new AppError(
    'input.invalid',
    `This action needs approval, and the approvers need a reason. Run it again with the reason after the target: \`/authgear ${escapeText(usage)}\`.`,
  );
};

export const createApprovalGate = ({ store, policy, notify, now }: ApprovalGateDeps): ApprovalGate => {
  /**
   * Posts the card, then stores the request with it: a request is never live (listed, approvable) without a card.
   * Undefined when a request with this ID already exists (the card just posted is withdrawn).
   */
  const storeWithCard = async (fresh: ApprovalRecord, channel: string, req: GateRequest) => {
    const card = await notify.postNewCard(fresh, channel, req.actor, req.reason);
    return store.create({ ...fresh, card }).catch(async (e: unknown) => {
      await notify.withdrawCard(fresh, card);
      if (isAppError(e) && e.code === 'state.conflict') return undefined;
      throw e;
    });
  };

  return {
    rule(def) {
      const rule = policy.approvals[def.permission];
      return { needed: rule !== undefined, requireReason: rule?.requireReason ?? false };
    },

    async submit(req: GateRequest) {
      const rule = policy.approvals[req.def.permission];
      if (!rule) return { kind: 'proceed' };
      const channel = policy.channels.approvals;
      if (!channel)
        throw new AppError('config.invalid', 'Approvals need an approvals channel in the policy.');
      if (rule.requireReason && !req.reason?.trim()) throw missingReasonError(req.def);
      const id = req.approvalId ?? newApprovalId();
      // The same confirmation already opened this request (a replay): say so and post nothing new.
      if (req.approvalId !== undefined && (await store.get(id)) !== undefined)
        return pendingMessage(id, channel, rule.required, true);
      const record = await storeWithCard(
        newApprovalRecord(
          {
            action: req.def.permission,
            actionKey: req.def.key,
            input: req.input,
            ...targetOf(req),
            summary: req.def.summary(req.input, req.user),
            requester: {
              userId: req.actor.userId,
              ...(req.actor.teamId ? { teamId: req.actor.teamId } : {}),
              ...(req.actor.name ? { name: req.actor.name } : {}),
            },
            ...(req.reason ? { reason: req.reason } : {}),
            ...(req.typed !== undefined
              ? {
                  requesterView: {
                    typed: req.typed,
                    summary: `${req.def.title} for ${typedLabel(req.typed)}`,
                  },
                }
              : {}),
            approverRoles: [...rule.approvers],
            required: rule.required,
          },
          { id, now: now(), ttlMs: rule.expiresInMs },
        ),
        channel,
        req,
      );
      if (record === undefined) return pendingMessage(id, channel, rule.required, true);
      await notify.audit('requested', record, req.actor, { reason: req.reason });
      return pendingMessage(record.id, channel, rule.required, false);
    },
  };
};

/** The target on the card: the user, or for a requester who may not see users and typed no match, what they typed. */
const targetOf = (req: GateRequest) => {
  if (req.user) return { target: { userId: req.user.id, label: userLabel(req.user) } };
  if (req.typed !== undefined) return { target: { label: `${typedLabel(req.typed)} (no user matches)` } };
  return {};
};

const pendingMessage = (
  approvalId: string,
  channel: string,
  required: number,
  already: boolean,
): GateOutcome => {
  const needed = required === 1 ? 'an approver' : `${required} approvers`;
  return {
    kind: 'pending',
    approvalId,
    message: already
      ? `This was already sent for approval to <#${channel}>. You'll get a DM when it is decided.`
      : `Sent for approval to <#${channel}> (needs ${needed}). You'll get a DM when it is decided.`,
  };
};
