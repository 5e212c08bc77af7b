/**
 * The approvals service: the decisions made on a card (approve / reject / cancel), the runs they trigger, the
 * lists and the sweep. The request side (the pipeline's gate: park a request, post the card) is submit.ts; the
 * card, DM and audit side effects are notify.ts. The store makes each transition atomic, so exactly one click
 * executes.
 */
import type { Executor } from '../actions/execute.js';
import type { AnyActionDefinition } from '../actions/types.js';
import type { AuditSink } from '../audit/event.js';
import { stateLabel } from '../blocks/approvals-list.js';
import { safe } from '../blocks/primitives.js';
import type { Policy } from '../config/policy.js';
import { AppError } from '../errors.js';
import type { AppLogger } from '../logger.js';
import { type ActionName, isActionName } from '../permissions/actions.js';
import { type Actor, authorize, authorizeApprover } from '../permissions/authorize.js';
import { notApproverMessage } from '../permissions/denial.js';
import type { SecretVault } from '../secrets/vault.js';
import { createActorResolver, type SlackUserRef, type WebClient } from '../services.js';
import { createDirectory } from '../slack/directory.js';
import { type CardRef, createNotifier } from './notify.js';
import { type ApprovalRecord, requesterSummary } from './record.js';
import { createRunner } from './run.js';
import { type ApprovalStore, type Refused, refusalError } from './store.js';
import { createApprovalGate } from './submit.js';

export interface ApprovalServiceDeps {
  readonly store: ApprovalStore;
  readonly client: WebClient;
  readonly policy: Policy;
  readonly actions: ReadonlyMap<string, AnyActionDefinition>;
  /** Runs an approved action once and audits executed/failed (the same execution the pipeline uses). */
  readonly execute: Executor;
  readonly audit: AuditSink;
  readonly logger: AppLogger;
  readonly now?: () => Date;
  /**
   * Resolves a Slack user's current roles (Services.actorOf): the requester's right is checked again, read fresh from
   * Slack, right before an approved action runs. Default: a resolver of its own over `client`.
   */
  readonly actorOf?: (user: SlackUserRef, options?: { readonly fresh?: boolean }) => Promise<Actor>;
  /** How long an executor may take before the sweeper marks the record `unknown` (default 2 minutes). */
  readonly leaseMs?: number;
  /** Where a secret produced by an approved action waits for its requester to reveal it. */
  readonly secrets: SecretVault;
}

/**
 * What a decision led to: an optional note for the clicker (ephemeral). A refusal is never a value: it is thrown
 * as an AppError with its code (approval.*, permission.denied) and rendered by the one error path.
 */
export interface Decision {
  readonly note?: string;
}

const notApprover = (id: string, action: ActionName | undefined, policy?: Policy): AppError =>
  new AppError(
    'permission.denied',
    notApproverMessage(action, action && policy?.approvals[action]?.approvers),
    {
      details: { approvalId: id, reason: 'not_an_approver', action },
    },
  );

/** The requester's DM about a rejection: who rejected, and their reason when they gave one (escaped). */
const rejectionText = (summary: string, rejectedBy: string, reason: string | undefined): string =>
  `Your request was rejected by <@${rejectedBy}>: ${summary}. Nothing was changed.${
    reason ? `\nReason: ${safe(reason, 500)}` : ''
  }`;

/** How many records the lists (`/authgear approvals`, App Home) read at most. */
const LIST_LIMIT = 100;

/** Raised before running an approved action whose requester has lost the right to it meanwhile. */
const lostRight = (action: ActionName | undefined): AppError =>
  new AppError(
    'permission.denied',
    `You no longer have the right to do this${action ? ` (the policy action \`${action}\`)` : ''}, so it was not run. Nothing was changed.`,
    { details: { reason: 'not_granted', action } },
  );

export const createApprovalService = (deps: ApprovalServiceDeps) => {
  const { store, client, policy, logger } = deps;
  const now = deps.now ?? (() => new Date());
  const leaseMs = deps.leaseMs ?? 120_000;
  const notify = createNotifier({ client, audit: deps.audit, logger, now });
  const gate = createApprovalGate({ store, policy, notify, now });

  const actorOf = deps.actorOf ?? createActorResolver(policy, createDirectory(client));

  /**
   * The policy action a record is decided and run under: its action's current name (a request made before the fine
   * names carries `group.manage`; its action key says it is, say, a delete), else the name it was stored with.
   */
  const actionOf = (record: ApprovalRecord): ActionName | undefined =>
    deps.actions.get(record.actionKey)?.permission ??
    (isActionName(record.action) ? record.action : undefined);

  const refused = async (r: Refused, id: string): Promise<never> => {
    // This very call moved an overdue request to expired: it reports the expiry.
    if (r.transitioned && r.record) await notify.announceExpiry(r.record);
    throw refusalError(r, id);
  };

  /**
   * The requester as the policy sees them now; refuses (audited as failed, permission.denied) when they lost the
   * right to the action since they asked. Throws AppErrors for anything that stops the run before it starts.
   */
  const requesterNow = async (record: ApprovalRecord): Promise<Actor> => {
    const actor = await actorOf(
      { id: record.requester.userId, teamId: record.requester.teamId, name: record.requester.name },
      { fresh: true },
    );
    // Where it was asked was checked when it was confirmed; here only the requester's right counts.
    const action = actionOf(record);
    if (action === undefined || !authorize(actor, action, {}, policy).ok) throw lostRight(action);
    return actor;
  };

  const run = createRunner({
    store,
    actions: deps.actions,
    execute: deps.execute,
    requesterNow,
    notify,
    secrets: deps.secrets,
    logger,
    now,
  });

  /** Loads the record and re-checks the clicker's right to decide on it (self-approval refused). */
  const checkApprover = async (id: string, actor: Actor): Promise<ApprovalRecord> => {
    const record = await store.get(id);
    if (!record) return refused({ kind: 'refused', reason: 'not_found' }, id);
    const action = actionOf(record);
    if (action === undefined) throw notApprover(id, action);
    const decision = authorizeApprover(actor, action, record.requester.userId, policy);
    if (decision.ok) return record;
    if (decision.reason === 'self_approval')
      return refused({ kind: 'refused', reason: 'self_approval', record }, id);
    throw notApprover(id, action, policy);
  };

  return {
    ...gate,
    store,

    /** Approve (`clicked`: where the card is, from the click, for when the record cannot say). */
    async approve(id: string, actor: Actor, comment?: string, clicked?: CardRef): Promise<Decision> {
      await checkApprover(id, actor);
      const text = comment?.trim();
      const outcome = await store.approve(id, {
        userId: actor.userId,
        now: now(),
        leaseMs,
        ...(text ? { comment: text } : {}),
      });
      if (outcome.kind === 'refused') return refused(outcome, id);
      await notify.audit('approved', outcome.record, actor, text ? { comment: text } : {});
      await notify.updateCard(outcome.record);
      if (outcome.kind === 'recorded') {
        const left = outcome.record.required - outcome.record.approvals.length;
        return { note: `Your approval is recorded; ${left} more needed.` };
      }
      const ran = await run(outcome.record, outcome.claim, clicked);
      return { note: ran.note ?? `${stateLabel(ran.final.state)}: ${ran.final.summary}` };
    },

    /** The first step of Reject: may this person reject? (The reason modal opens only if so.) */
    /** Whether this actor may decide on the request now (before a form asks them for text); throws if not. */
    async mayDecide(id: string, actor: Actor): Promise<void> {
      const checked = await checkApprover(id, actor);
      if (checked.state !== 'pending')
        await refused({ kind: 'refused', reason: 'closed', record: checked }, id);
    },

    /**
     * Why no decision can be made on the request any more (decided, expired, gone), in words for the person, or
     * undefined while it is pending. A form submitted late is answered with it in place, before anything runs.
     */
    async closedReason(id: string): Promise<string | undefined> {
      const record = await store.get(id);
      if (!record) return refusalError({ kind: 'refused', reason: 'not_found' }, id).userMessage;
      if (
        record.state === 'expired' ||
        (record.state === 'pending' && Date.parse(record.expiresAt) <= now().getTime())
      )
        return refusalError({ kind: 'refused', reason: 'expired', record }, id).userMessage;
      if (record.state !== 'pending')
        return refusalError({ kind: 'refused', reason: 'closed', record }, id).userMessage;
      return undefined;
    },

    async reject(id: string, actor: Actor, reason?: string): Promise<Decision> {
      await checkApprover(id, actor);
      const trimmed = reason?.trim() || undefined;
      const outcome = await store.reject(id, {
        userId: actor.userId,
        now: now(),
        ...(trimmed ? { reason: trimmed } : {}),
      });
      if (outcome.kind === 'refused') return refused(outcome, id);
      await notify.audit('rejected', outcome.record, actor, { reason: trimmed });
      await notify.updateCard(outcome.record);
      await notify.dmRequester(
        outcome.record,
        rejectionText(requesterSummary(outcome.record), actor.userId, trimmed),
      );
      return { note: `${stateLabel('rejected')}: ${outcome.record.summary}. The requester was told.` };
    },

    async cancel(id: string, actor: Actor): Promise<Decision> {
      const outcome = await store.cancel(id, { userId: actor.userId, now: now() });
      if (outcome.kind === 'refused') return refused(outcome, id);
      await notify.audit('cancelled', outcome.record, actor);
      await notify.updateCard(outcome.record);
      return { note: 'Your request is cancelled. Nothing was changed.' };
    },

    /** Pending requests this actor may decide now (not their own, not already approved by them), newest first. */
    async pendingFor(actor: Actor): Promise<ApprovalRecord[]> {
      const pending = await store.listPending({ limit: LIST_LIMIT, now: now() });
      return pending.filter((r) => {
        const action = actionOf(r);
        return (
          action !== undefined &&
          authorizeApprover(actor, action, r.requester.userId, policy).ok &&
          !r.approvals.some((a) => a.userId === actor.userId)
        );
      });
    },

    /** This person's own requests in any state (within retention), newest first. */
    requestsBy(userId: string, limit = 20): Promise<ApprovalRecord[]> {
      return store.listByRequester(userId, limit);
    },

    /** Expires overdue records (any replica may run it); returns how many it moved. */
    async sweep(limit = 50): Promise<number> {
      const moved = await store.sweep(now(), limit);
      for (const record of moved) await notify.announceExpiry(record);
      return moved.length;
    },
  };
};

export type ApprovalService = ReturnType<typeof createApprovalService>;
