import { randomUUID } from 'node:crypto';
import { type AuditEvent, type AuditEventType, type AuditSink, acceptAudit } from '../audit/event.js';
import type { AdminApi } from '../authgear/client.js';
import { AuthgearError, noReasonMessage } from '../authgear/errors.js';
import type { AuditContext } from '../authgear/jwt.js';
import type { AuthgearUser } from '../authgear/operations/user-fields.js';
import { userLabel } from '../blocks/user-card.js';
import { AppError, asAppError } from '../errors.js';
import type { Actor } from '../permissions/authorize.js';
import type { UserResolver } from '../users/resolve.js';
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

  /** Executes once, audits the outcome, and returns the result (the caller delivers it to the requester only). */
  const execute = async (
    actor: Actor,
    def: AnyActionDefinition,
    input: Record<string, unknown>,
    approval?: { readonly id: string; readonly link?: string | undefined },
    /** The target as just read by the caller; without it (after an approval) the user is read fresh. */
    loaded?: { readonly user: AuthgearUser | undefined },
  ): Promise<ActionResult> => {
    let user = loaded?.user;
    try {
      const userId = typeof input.userId === 'string' ? input.userId : undefined;
      if (!loaded && def.targetsUser !== false && userId)
        user = await deps.users.byNodeId(userId, auditContextOf(actor));
      def.check?.(input, user, now());
      const about = { user, input, approvalId: approval?.id, approvalLink: approval?.link };
      // No unaudited change: the mutation runs only once its "executing" event is queued (else audit.unavailable).
      await acceptAudit(deps.audit, eventOf('executing', actor, def, about));
      const result = await def.execute(
        { api: deps.api, actor, auditContext: auditContextOf(actor), now: now() },
        input,
        user,
      );
      await audit('executed', actor, def, about);
      return result;
    } catch (e) {
      const err = namedNoReason(asAppError(e), def);
      await audit('failed', actor, def, {
        user,
        input,
        approvalId: approval?.id,
        approvalLink: approval?.link,
        errorCode: err.code,
      });
      throw err;
    }
  };

  return { audit, execute };
};

export type Execution = ReturnType<typeof createExecution>;
/** `execute(actor, def, input, approval?)`: runs the mutation once and audits executed/failed. */
export type Executor = Execution['execute'];
