import type { ApprovalGate } from '../approvals/gate.js';
import type { AuthgearUser } from '../authgear/operations/user-fields.js';
import {
  confirmationMessage,
  errorMessage,
  infoMessage,
  resultMessage,
  workingMessage,
} from '../blocks/messages.js';
import { confirmValue } from '../blocks/payloads.js';
import type { Policy } from '../config/policy.js';
import { AppError, asAppError } from '../errors.js';
import type { AppLogger } from '../logger.js';
import { type Actor, authorize } from '../permissions/authorize.js';
import { denialError } from '../permissions/denial.js';
import type { Reply } from '../slack/reply.js';
import type { UserResolver } from '../users/resolve.js';
import { auditContextOf, type Execution } from './execute.js';
import { toFieldErrors } from './field-errors.js';
import type { AnyActionDefinition, FieldValues } from './types.js';

export interface PipelineDeps {
  readonly policy: Policy;
  readonly users: UserResolver;
  readonly gate: ApprovalGate;
  /** Runs and audits the one mutation (shared with the approvals service). */
  readonly execution: Execution;
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
  /**
   * Called once authorized, before anything is read, when the request will end in a form: the caller opens the
   * modal while its trigger_id is still valid (about 3 s) and fills it in when `start` returns.
   */
  readonly prepareForm?: (() => Promise<void>) | undefined;
}

export type StartOutcome =
  | {
      readonly kind: 'confirm';
      readonly user: AuthgearUser | undefined;
      readonly input: Record<string, unknown>;
    }
  | { readonly kind: 'form'; readonly user: AuthgearUser | undefined }
  | { readonly kind: 'pick'; readonly users: readonly AuthgearUser[] };

/** The one path every action takes: parse → authorize → confirm → approval gate → execute → result → audit. */
export const createPipeline = (deps: PipelineDeps) => {
  const now = deps.now ?? (() => new Date());

  const { audit, execute } = deps.execution;

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

  /** Whether `start` will answer with a form (no values, no preset, and the arguments ask for one). */
  const endsInForm = (def: AnyActionDefinition, req: StartRequest): boolean => {
    if (!def.fields || req.values !== undefined || req.preset !== undefined) return false;
    try {
      return def.fromArgs?.(req.args ?? []) === 'modal';
    } catch {
      return false; // bad arguments: `start` reports them
    }
  };

  const start = async (req: StartRequest): Promise<StartOutcome> => {
    const { def } = req;
    await authorizeOrThrow(req.actor, def, req.channelId);
    if (req.prepareForm && endsInForm(def, req)) await req.prepareForm();
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
      confirmValue.encode({ v: 1, k: def.key, i: outcome.input }),
      note,
    );
  };

  /** The Confirm click: everything is checked again on the server, nothing trusted from the button. */
  const confirm = async (req: {
    actor: Actor;
    channelId?: string | undefined;
    value: string | undefined;
    reply: Reply;
  }) => {
    const payload = confirmValue.decode(req.value);
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

  return { start, confirmation, confirm, authorizeOrThrow };
};

export type Pipeline = ReturnType<typeof createPipeline>;
