import { randomUUID } from 'node:crypto';
import { type AuditEvent, type AuditEventType, type AuditSink, acceptAudit } from '../audit/event.js';
import type { AdminApi } from '../authgear/client.js';
import { AuthgearError, noReasonMessage } from '../authgear/errors.js';
import type { AuditContext } from '../authgear/jwt.js';
import type { AuthgearUser } from '../authgear/operations/user-fields.js';
import { userLabel } from '../blocks/user-card.js';
import type { Policy } from '../config/policy.js';
import { AppError, asAppError } from '../errors.js';
import type { GrantLedger } from '../grants/ledger.js';
import type { Actor } from '../permissions/authorize.js';
import type { SlackProfiles, UserResolver } from '../users/resolve.js';
import { selfServiceRefusal } from './self-service.js';
import type { ActionResult, AnyActionDefinition } from './types.js';

/** Who acted, as the Admin API token's `audit_context` claim names them (Authgear's own audit log shows it). */
export const auditContextOf = (actor: Actor): AuditContext => ({
  slack_user_id: actor.userId,
  slack_user_name: actor.name,
  slack_team_id: actor.teamId,
});

/** An error Authgear gave no reason for, told naming the action that was refused (with its reference). */
const namedNoReason = (err: AppError, def: AnyActionDefinition): AppError =>
  err instanceof AuthgearError && err.reference !== undefined
    ? new AppError(err.code, noReasonMessage(err.reference, def.title.toLowerCase()), {
        details: err.details,
        cause: err,
      })
    : err;

export interface ExecutionDeps {
  readonly api: AdminApi;
  readonly users: UserResolver;
  readonly audit: AuditSink;
  readonly now: () => Date;
  /** The policy as it is now: limits are checked again at execution (an approval may run hours later). */
  readonly policy?: Policy;
  readonly grants?: GrantLedger;
  /** Slack profiles: who the requester is in Authgear (by email), for actions nobody may run on themselves alone. */
  readonly profiles?: SlackProfiles;
}

/** Extra fields of an action's audit event; `user` and `input` give the target and the summary. */
export type ActionEventExtra = Partial<AuditEvent> & {
  user?: AuthgearUser | undefined;
  input?: Record<string, unknown>;
};

/**
 * Running an action's one mutation and auditing it. Both the pipeline (a confirmed action) and the approvals
 * service (an approved one) use it, so neither needs the other.
 */
export const createExecution = (deps: ExecutionDeps) => {
  const { now } = deps;

  /** One audit event about an action. */
  const eventOf = (
    type: AuditEventType,
    actor: Actor,
    def: AnyActionDefinition,
    extra: ActionEventExtra,
  ): AuditEvent => {
    const { user, input, ...rest } = extra;
    // The reason a person gave travels as the event's reason (summaries leave it out, so it is said once).
    const given = typeof input?.reason === 'string' && input.reason.trim() !== '' ? input.reason : undefined;
    let summary = def.title;
    try {
      if (input) summary = def.summary(input, user);
    } catch {
      // A summary that cannot be built from odd input still leaves the title.
    }
    return {
      id: randomUUID(),
      type,
      at: now().toISOString(),
      actor: { userId: actor.userId, name: actor.name },
      action: def.permission,
      actionKey: def.key,
      target: user ? { userId: user.id, label: userLabel(user) } : undefined,
      summary,
      ...(given ? { reason: given.slice(0, 500) } : {}),
      ...rest,
    };
  };

  /** Records one audit event about an action (never throws: the sink keeps it until it can be delivered). */
  const audit = (
    type: AuditEventType,
    actor: Actor,
    def: AnyActionDefinition,
    extra: ActionEventExtra,
  ): Promise<void> => deps.audit.record(eventOf(type, actor, def, extra));

  /** The users an action that names several acts on (`def.targets`), resolved now; undefined for other actions. */
  const targetsOf = async (
    actor: Actor,
    def: AnyActionDefinition,
    input: Record<string, unknown>,
    auditContext: AuditContext = auditContextOf(actor),
  ): Promise<readonly AuthgearUser[] | undefined> =>
    def.targets ? def.targets({ api: deps.api, auditContext }, input) : undefined;

  /**
   * Refuses, audited as denied, an action that gives access when its requester is its target or one of its
   * `targets` (or the bot cannot tell they are not). Called only when no other person approved it.
   */
  const refuseSelfService = async (
    actor: Actor,
    def: AnyActionDefinition,
    about: {
      readonly user: AuthgearUser | undefined;
      readonly input?: Record<string, unknown>;
      readonly targets?: readonly AuthgearUser[] | undefined;
    },
  ): Promise<void> => {
    if (def.needsAnotherPerson !== true) return;
    const users = about.targets ?? (about.user ? [about.user] : undefined);
    const refusal = await selfServiceRefusal(deps.profiles, actor, users);
    if (refusal === undefined) return;
    await audit('denied', actor, def, {
      user: about.user ?? refusal.user,
      input: about.input,
      reason: String(refusal.error.details?.reason ?? 'self_grant'),
      errorCode: refusal.error.code,
    });
    throw refusal.error;
  };

  /**
   * Executes once, audits the outcome (executed, failed, or unknown), and returns the result (the caller delivers it
   * to the requester only).
   */
  const execute = async (
    actor: Actor,
    def: AnyActionDefinition,
    input: Record<string, unknown>,
    approval?: {
      readonly id: string;
      readonly link?: string | undefined;
      /** Slack user IDs of those who approved it: with the ID, in the mutation's `audit_context`. */
      readonly approvers?: readonly string[] | undefined;
    },
    /** The target as just read by the caller; without it (after an approval) the user is read fresh. */
    loaded?: { readonly user: AuthgearUser | undefined },
  ): Promise<ActionResult> => {
    let user = loaded?.user;
    let refused = false;
    const auditContext: AuditContext = approval
      ? { ...auditContextOf(actor), approval_id: approval.id, approved_by: approval.approvers ?? [] }
      : auditContextOf(actor);
    try {
      const userId = typeof input.userId === 'string' ? input.userId : undefined;
      if (!loaded && def.targetsUser !== false && userId)
        user = await deps.users.byNodeId(userId, auditContextOf(actor));
      def.check?.(input, user, now(), deps.policy, actor);
      // The users the mutation will carry, resolved once: the ones checked are the ones changed.
      const targets = await targetsOf(actor, def, input, auditContext);
      if (approval === undefined) {
        refused = true;
        await refuseSelfService(actor, def, { user, input, targets });
        refused = false;
      }
      const about = { user, input, approvalId: approval?.id, approvalLink: approval?.link };
      // No unaudited change: the mutation runs only once its "executing" event is queued (else audit.unavailable).
      await acceptAudit(deps.audit, eventOf('executing', actor, def, about));
      const result = await def.execute(
        { api: deps.api, actor, auditContext, now: now(), grants: deps.grants, targets },
        input,
        user,
      );
      await audit('executed', actor, def, about);
      return result;
    } catch (e) {
      const err = namedNoReason(asAppError(e), def);
      if (refused) throw err; // audited as denied: nothing was tried
      // Authgear may have applied it (the answer was lost): audited as unknown, never as failed.
      await audit(err.code === 'authgear.outcome_unknown' ? 'unknown' : 'failed', actor, def, {
        user,
        input,
        approvalId: approval?.id,
        approvalLink: approval?.link,
        errorCode: err.code,
      });
      throw err;
    }
  };

  return { audit, execute, refuseSelfService, targetsOf };
};

export type Execution = ReturnType<typeof createExecution>;
/** `execute(actor, def, input, approval?)`: runs the mutation once and audits executed/failed. */
export type Executor = Execution['execute'];
