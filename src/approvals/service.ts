/**
 * The approvals service: the decisions made on a card (approve / reject / cancel), the runs they trigger, the
 * lists and the sweep. The request side (the pipeline's gate: park a request, post the card) is submit.ts; the
 * card, DM and audit side effects are notify.ts. The store makes each transition atomic, so exactly one click
 * executes.
 */
import type { Executor } from '../actions/execute.js';
import type { ActionResult, AnyActionDefinition } from '../actions/types.js';
import type { AuditSink } from '../audit/event.js';
import { stateLabel } from '../blocks/approvals-list.js';
import { resultMessage } from '../blocks/messages.js';
import type { Policy } from '../config/policy.js';
import { AppError, asAppError } from '../errors.js';
import type { AppLogger } from '../logger.js';
import { isActionName } from '../permissions/actions.js';
import { type Actor, authorize, authorizeApprover } from '../permissions/authorize.js';
import { createActorResolver, type SlackUserRef, type WebClient } from '../services.js';
import { createDirectory } from '../slack/directory.js';
import { createNotifier } from './notify.js';
import type { ApprovalRecord } from './record.js';
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
   * Resolves a Slack user's current roles (Services.actorOf): the requester's right is checked again right before an
   * approved action runs. Default: a resolver of its own over `client` (its own user-group cache).
   */
  readonly actorOf?: (user: SlackUserRef) => Promise<Actor>;
  /** How long an executor may take before the sweeper marks the record `unknown` (default 2 minutes). */
  readonly leaseMs?: number;
}

/** What a click led to: a note for the clicker (ephemeral), or a refusal with a kind message. */
export type Decision =
  | { readonly ok: true; readonly note?: string }
  | { readonly ok: false; readonly message: string };

const NOT_APPROVER = "You're not an approver for this kind of request.";

/** How many records the lists (`/authgear approvals`, App Home) read at most. */
const LIST_LIMIT = 100;

/** Raised before running an approved action whose requester has lost the right to it meanwhile. */
const lostRight = (): AppError =>
  new AppError(
    'permission.denied',
    'You no longer have the right to do this, so it was not run. Nothing was changed.',
  );

export const createApprovalService = (deps: ApprovalServiceDeps) => {
  const { store, client, policy, logger } = deps;
  const now = deps.now ?? (() => new Date());
  const leaseMs = deps.leaseMs ?? 120_000;
  const notify = createNotifier({ client, audit: deps.audit, logger, now });
  const gate = createApprovalGate({ store, policy, notify, now });

  const actorOf = deps.actorOf ?? createActorResolver(policy, createDirectory(client));

  const refused = async (r: Refused, id: string): Promise<Decision> => {
    // This very call moved an overdue request to expired: it reports the expiry.
    if (r.transitioned && r.record) await notify.announceExpiry(r.record);
    return { ok: false, message: refusalError(r, id).userMessage };
  };

  /**
   * The requester as the policy sees them now; refuses (audited as failed, permission.denied) when they lost the
   * right to the action since they asked. Throws AppErrors for anything that stops the run before it starts.
   */
  const requesterNow = async (record: ApprovalRecord): Promise<Actor> => {
    const actor = await actorOf({
      id: record.requester.userId,
      teamId: record.requester.teamId,
      name: record.requester.name,
    });
    if (!isActionName(record.action) || !authorize(actor, record.action, {}, policy).ok) throw lostRight();
    return actor;
  };

  /**
   * Runs the action as the requester (their audit context), exactly once: only the claim holder gets here.
   * Returns the record as it ends.
   */
  const run = async (record: ApprovalRecord, claim: string): Promise<ApprovalRecord> => {
    const def = deps.actions.get(record.actionKey);
    let result: ActionResult | undefined;
    let failure: AppError | undefined;
    let started = false;
    try {
      if (!def) throw new AppError('input.invalid', 'That action no longer exists.');
      const actor = await requesterNow(record);
      started = true; // from here on the executor audits executed/failed itself
      result = await deps.execute(actor, def, record.input, { id: record.id, link: record.card?.link });
    } catch (e) {
      failure = asAppError(e);
    }
    const done = await store.complete(record.id, {
      claim,
      result: result ? { ok: true } : { ok: false, ...(failure ? { errorCode: failure.code } : {}) },
      now: now(),
    });
    const final = done.kind === 'completed' ? done.record : (done.record ?? record);
    if (failure && !started)
      await notify.audit('failed', final, record.requester, { errorCode: failure.code });
    await notify.updateCard(final);
    if (result) {
      const m = resultMessage(`Approved and done: ${result.message}`, result.secret, result.blocks);
      await notify.dmRequester(final, m.text, m.blocks);
    } else {
      const why = failure?.userMessage ?? 'The action failed.';
      await notify.dmRequester(final, `Your approved request failed: ${record.summary}. ${why}`);
    }
    return final;
  };

  /** Loads the record and re-checks the clicker's right to decide on it (self-approval refused). */
  const checkApprover = async (id: string, actor: Actor): Promise<Decision | ApprovalRecord> => {
    const record = await store.get(id);
    if (!record)
      return { ok: false, message: refusalError({ kind: 'refused', reason: 'not_found' }, id).userMessage };
    if (!isActionName(record.action)) return { ok: false, message: NOT_APPROVER };
    const decision = authorizeApprover(actor, record.action, record.requester.userId, policy);
    if (decision.ok) return record;
    if (decision.reason === 'self_approval')
      return refused({ kind: 'refused', reason: 'self_approval', record }, id);
    return { ok: false, message: NOT_APPROVER };
  };

  return {
    ...gate,
    store,

    async approve(id: string, actor: Actor, comment?: string): Promise<Decision> {
      const checked = await checkApprover(id, actor);
      if (!('schemaVersion' in checked)) return checked;
      const text = comment?.trim();
      const outcome = await store.approve(id, {
        userId: actor.userId,
        now: now(),
        leaseMs,
        ...(text ? { comment: text } : {}),
      });
      if (outcome.kind === 'refused') return refused(outcome, id);
      await notify.audit('approved', outcome.record, actor, text ? { reason: text } : {});
      await notify.updateCard(outcome.record);
      if (outcome.kind === 'recorded') {
        const left = outcome.record.required - outcome.record.approvals.length;
        return { ok: true, note: `Your approval is recorded; ${left} more needed.` };
      }
      const final = await run(outcome.record, outcome.claim);
      return { ok: true, note: `${stateLabel(final.state)}: ${final.summary}` };
    },

    /** The first step of Reject: may this person reject? (The reason modal opens only if so.) */
    /** Whether this actor may decide on the request now (before a form asks them for text). */
    async mayDecide(id: string, actor: Actor): Promise<Decision> {
      const checked = await checkApprover(id, actor);
      if (!('schemaVersion' in checked)) return checked;
      if (checked.state !== 'pending')
        return refused({ kind: 'refused', reason: 'closed', record: checked }, id);
      return { ok: true };
    },

    async reject(id: string, actor: Actor, reason?: string): Promise<Decision> {
      const checked = await checkApprover(id, actor);
      if (!('schemaVersion' in checked)) return checked;
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
        `Your request was rejected by <@${actor.userId}>: ${outcome.record.summary}. Nothing was changed.`,
      );
      return {
        ok: true,
        note: `${stateLabel('rejected')}: ${outcome.record.summary}. The requester was told.`,
      };
    },

    async cancel(id: string, actor: Actor): Promise<Decision> {
      const outcome = await store.cancel(id, { userId: actor.userId, now: now() });
      if (outcome.kind === 'refused') return refused(outcome, id);
      await notify.audit('cancelled', outcome.record, actor);
      await notify.updateCard(outcome.record);
      return { ok: true, note: 'Your request is cancelled. Nothing was changed.' };
    },

    /** Pending requests this actor may decide now (not their own, not already approved by them), newest first. */
    async pendingFor(actor: Actor): Promise<ApprovalRecord[]> {
      const pending = await store.listPending({ limit: LIST_LIMIT, now: now() });
      return pending.filter(
        (r) =>
          isActionName(r.action) &&
          authorizeApprover(actor, r.action, r.requester.userId, policy).ok &&
          !r.approvals.some((a) => a.userId === actor.userId),
      );
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
