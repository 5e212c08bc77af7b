import { randomUUID } from 'node:crypto';
import type { ApprovalGate } from '../approvals/gate.js';
import type { AuditEvent, AuditEventType, AuditSink } from '../audit/event.js';
import type { AdminApi } from '../authgear/client.js';
import { AuthgearError, noReasonMessage } from '../authgear/errors.js';
import type { AuditContext } from '../authgear/jwt.js';
import type { AuthgearUser } from '../authgear/operations/user-fields.js';
import {
  confirmationMessage,
  errorMessage,
  infoMessage,
  resultMessage,
  workingMessage,
} from '../blocks/messages.js';
import { userLabel } from '../blocks/user-card.js';
import type { Policy } from '../config/policy.js';
import { AppError, asAppError } from '../errors.js';
import type { AppLogger } from '../logger.js';
import { type Actor, authorize } from '../permissions/authorize.js';
import { denialError } from '../permissions/denial.js';
import type { Reply } from '../slack/reply.js';
import type { UserResolver } from '../users/resolve.js';
import { decodeConfirm, encodeConfirm, toFieldErrors } from './payload.js';
import type { ActionResult, AnyActionDefinition, FieldValues } from './types.js';

export interface PipelineDeps {
  readonly api: AdminApi;
  readonly policy: Policy;
  readonly users: UserResolver;
  readonly gate: ApprovalGate;
  readonly audit: AuditSink;
  readonly logger: AppLogger;
  readonly actions: ReadonlyMap<string, AnyActionDefinition>;
  readonly now?: () => Date;
}

/** Where an action starts from: a slash verb (`who` + args), a card button (`userId`), or a submitted form. */
export interface StartRequest {
  readonly actor: Actor;
  readonly channelId?: string | undefined;
  readonly def: AnyActionDefinition;
  readonly who?: string | undefined;
  readonly userId?: string | undefined;
  readonly args?: readonly string[];
  readonly values?: FieldValues;
  /** Input fields carried by a list button (e.g. `{ sessionId }`), merged over the parsed arguments. */
  readonly preset?: Readonly<Record<string, unknown>> | undefined;
}

export type StartOutcome =
  | {
      readonly kind: 'confirm';
      readonly user: AuthgearUser | undefined;
      readonly input: Record<string, unknown>;
    }
  | { readonly kind: 'form'; readonly user: AuthgearUser | undefined }
  | { readonly kind: 'pick'; readonly users: readonly AuthgearUser[] };

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

/** The one path every action takes: parse → authorize → confirm → approval gate → execute → result → audit. */
export const createPipeline = (deps: PipelineDeps) => {
  const now = deps.now ?? (() => new Date());

  const audit = async (
    type: AuditEventType,
    actor: Actor,
    def: AnyActionDefinition,
    extra: Partial<AuditEvent> & { user?: AuthgearUser | undefined; input?: Record<string, unknown> },
  ): Promise<void> => {
    const { user, input, ...rest } = extra;
    let summary = def.title;
    try {
      if (input) summary = def.summary(input, user);
    } catch {
      // A summary that cannot be built from odd input still leaves the title.
    }
    await deps.audit.record({
      id: randomUUID(),
      type,
      at: now().toISOString(),
      actor: { userId: actor.userId, name: actor.name },
      action: def.permission,
      actionKey: def.key,
      target: user ? { userId: user.id, label: userLabel(user) } : undefined,
      summary,
      ...rest,
    });
  };

  /** Refuses, audits and throws when the actor may not run the action here. */
  const authorizeOrThrow = async (
    actor: Actor,
    def: AnyActionDefinition,
    channelId?: string,
  ): Promise<void> => {
    const decision = authorize(actor, def.permission, { channelId }, deps.policy);
    if (decision.ok) return;
    await audit('denied', actor, def, { reason: decision.reason, errorCode: 'permission.denied' });
    throw denialError(decision.reason, def.permission);
  };

  const parseInput = (
    def: AnyActionDefinition,
    raw: Record<string, unknown>,
    user: AuthgearUser | undefined,
  ) => {
    const parsed = def.input.safeParse({ ...raw, ...(user ? { userId: user.id } : {}) });
    if (!parsed.success) {
      throw toFieldErrors(
        parsed.error,
        (def.fields?.(user) ?? []).map((f) => f.id),
      );
    }
    return parsed.data as Record<string, unknown>;
  };

  const loadUser = async (def: AnyActionDefinition, req: StartRequest) => {
    if (def.targetsUser === false) return { kind: 'none' as const };
    const ctx = auditContextOf(req.actor);
    if (req.userId) return { kind: 'one' as const, user: await deps.users.byNodeId(req.userId, ctx) };
    if (!req.who) throw new AppError('input.usage', `Usage: \`/authgear ${def.usage}\``);
    const found = await deps.users.resolve(req.who, ctx);
    if (found.kind === 'none')
      throw new AppError(
        'user.not_found',
        'No Authgear user matches that. Check the spelling, or try `/authgear search`.',
      );
    return found;
  };

  const start = async (req: StartRequest): Promise<StartOutcome> => {
    const { def } = req;
    await authorizeOrThrow(req.actor, def, req.channelId);
    const found = await loadUser(def, req);
    if (found.kind === 'many') return { kind: 'pick', users: found.users };
    const user = found.kind === 'one' ? found.user : undefined;
    let raw: Record<string, unknown>;
    if (req.values !== undefined) raw = { ...(def.fromFields?.(req.values) ?? {}), ...req.preset };
    else if (req.preset !== undefined) raw = { ...req.preset };
    else {
      const fromArgs = def.fromArgs?.(req.args ?? []) ?? {};
      if (fromArgs === 'modal') return { kind: 'form', user };
      raw = fromArgs;
    }
    if (def.versioned && user && raw.expectedUpdatedAt === undefined)
      raw = { ...raw, expectedUpdatedAt: user.updatedAt };
    const input = parseInput(def, raw, user);
    def.check?.(input, user, now());
    return { kind: 'confirm', user, input };
  };

  const confirmation = (def: AnyActionDefinition, outcome: Extract<StartOutcome, { kind: 'confirm' }>) => {
    const rule = deps.gate.rule(def);
    const note = rule.needed
      ? ['This action needs approval: confirming sends a request to the approvers.']
      : [];
    return confirmationMessage(
      def.confirm(outcome.input, outcome.user),
      encodeConfirm(def.key, outcome.input),
      note,
    );
  };

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
      const result = await def.execute(
        { api: deps.api, actor, auditContext: auditContextOf(actor), now: now() },
        input,
        user,
      );
      await audit('executed', actor, def, {
        user,
        input,
        approvalId: approval?.id,
        approvalLink: approval?.link,
      });
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

  /** The Confirm click: everything is checked again on the server, nothing trusted from the button. */
  const confirm = async (req: {
    actor: Actor;
    channelId?: string | undefined;
    value: string | undefined;
    reply: Reply;
  }) => {
    const payload = decodeConfirm(req.value);
    const def = deps.actions.get(payload.k);
    if (def === undefined) throw new AppError('input.invalid', 'That action no longer exists. Start again.');
    await authorizeOrThrow(req.actor, def, req.channelId);
    const userId = typeof payload.i.userId === 'string' ? payload.i.userId : undefined;
    const user =
      userId && def.targetsUser !== false
        ? await deps.users.byNodeId(userId, auditContextOf(req.actor))
        : undefined;
    const input = parseInput(def, payload.i, user);
    def.check?.(input, user, now());
    const reason = typeof input.reason === 'string' ? input.reason : undefined;
    const gate = await deps.gate.submit({ def, input, user, actor: req.actor, reason });
    if (gate.kind === 'pending') {
      await req.reply(infoMessage(gate.message, true));
      return;
    }
    await req.reply(workingMessage(def.title));
    try {
      const result = await execute(req.actor, def, input, undefined, { user });
      await req.reply(resultMessage(result.message, result.secret, result.blocks));
    } catch (e) {
      const err = asAppError(e);
      await req.reply({ ...errorMessage(err.userMessage), replaceOriginal: true });
    }
  };

  return { start, confirmation, confirm, execute, audit, authorizeOrThrow };
};

export type Pipeline = ReturnType<typeof createPipeline>;
