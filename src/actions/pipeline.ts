import type { ApprovalGate } from '../approvals/gate.js';
import type { AuthgearUser } from '../authgear/operations/user-fields.js';
import { confirmationMessage } from '../blocks/messages.js';
import { cancelValue, confirmationIdValue } from '../blocks/payloads.js';
import type { Policy } from '../config/policy.js';
import { newConfirmationId } from '../confirmations/ids.js';
import { newConfirmation } from '../confirmations/record.js';
import { CONFIRMATION_TTL_MS, type ConfirmationStore } from '../confirmations/store.js';
import { AppError, isAppError } from '../errors.js';
import type { GrantLedger } from '../grants/ledger.js';
import type { AppLogger } from '../logger.js';
import { type Actor, authorize } from '../permissions/authorize.js';
import { denialError } from '../permissions/denial.js';
import { type PlaceOf, plainPlaceOf } from '../slack/place.js';
import type { UserResolver } from '../users/resolve.js';
import { createCancelFlow } from './cancel.js';
import { type Clicker, createConfirmFlow } from './confirm.js';
import { auditContextOf, type Execution } from './execute.js';
import { toFieldErrors } from './field-errors.js';
import { blindConfirmation, HIDDEN_TARGET, seesUsers } from './least-privilege.js';
import type { AnyActionDefinition, FieldValues } from './types.js';

export interface PipelineDeps {
  readonly policy: Policy;
  readonly users: UserResolver;
  readonly gate: ApprovalGate;
  /** Runs and audits the one mutation (shared with the approvals service). */
  readonly execution: Execution;
  readonly logger: AppLogger;
  readonly actions: ReadonlyMap<string, AnyActionDefinition>;
  /** Where confirmations wait for their one click. */
  readonly confirmations: ConfirmationStore;
  /** The clicker's roles read fresh (user-group membership from Slack, not a cache): used at Confirm. */
  readonly freshActor: (clicker: Clicker) => Promise<Actor>;
  readonly now?: () => Date;
  /** Time-boxed grants, for prechecks (is a grant running?) before a confirmation is shown. */
  readonly grants?: GrantLedger | undefined;
  /** Where a request happened, for the allow-list (is a DM the one with the bot?). */
  readonly placeOf?: PlaceOf;
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
      /** The stored confirmation its Confirm button names. */
      readonly confirmationId: string;
      /** Set when the person may not see users: the target is shown only as they typed it. */
      readonly typed?: string | undefined;
    }
  | { readonly kind: 'form'; readonly user: AuthgearUser | undefined; readonly typed?: string | undefined }
  | { readonly kind: 'pick'; readonly users: readonly AuthgearUser[] };

/** The one path every action takes: parse → authorize → confirm → approval gate → execute → result → audit. */
export const createPipeline = (deps: PipelineDeps) => {
  const now = deps.now ?? (() => new Date());

  const { audit } = deps.execution;

  /** Refuses, audits and throws when the actor may not run the action here. */
  const authorizeOrThrow = async (
    actor: Actor,
    def: AnyActionDefinition,
    channelId?: string,
  ): Promise<void> => {
    const place = await (deps.placeOf ?? plainPlaceOf)(actor.userId, channelId, { mutation: true });
    const decision = authorize(actor, def.permission, place, deps.policy);
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

  /** The target for someone who may not see users: found or not, nothing shows it (missing or several alike). */
  const loadBlind = async (def: AnyActionDefinition, req: StartRequest) => {
    try {
      const found = await loadUser(def, req);
      return found.kind === 'one' ? found.user : undefined;
    } catch (e) {
      if (isAppError(e) && e.code === 'user.not_found') return undefined;
      throw e;
    }
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
    const blind = def.targetsUser !== false && !seesUsers(deps.policy, req.actor);
    const typed = req.who ?? req.userId;
    let user: AuthgearUser | undefined;
    if (blind) user = await loadBlind(def, req);
    else {
      const found = await loadUser(def, req);
      if (found.kind === 'many') return { kind: 'pick', users: found.users };
      user = found.kind === 'one' ? found.user : undefined;
    }
    let raw: Record<string, unknown>;
    if (req.values !== undefined) raw = { ...(def.fromFields?.(req.values) ?? {}), ...req.preset };
    else if (req.preset !== undefined) raw = { ...req.preset };
    else {
      const fromArgs = def.fromArgs?.(req.args ?? []) ?? {};
      if (fromArgs === 'modal')
        return blind ? { kind: 'form', user: undefined, typed } : { kind: 'form', user };
      raw = fromArgs;
    }
    if (def.versioned && user && raw.expectedUpdatedAt === undefined)
      raw = { ...raw, expectedUpdatedAt: user.updatedAt };
    // Someone who may not see users is checked the same way whether or not the target exists.
    const input = blind
      ? parseInput(def, { ...raw, userId: user?.id ?? HIDDEN_TARGET }, undefined)
      : parseInput(def, raw, user);
    if (!blind) {
      def.check?.(input, user, now(), deps.policy, req.actor);
      await def.precheck?.({ grants: deps.grants }, input, user);
    }
    // Said now rather than after Confirm: without an approval, nobody gives themselves access.
    if (!blind && def.needsAnotherPerson === true && !deps.gate.rule(def).needed) {
      const targets = await deps.execution.targetsOf(req.actor, def, input);
      if (user || targets) await deps.execution.refuseSelfService(req.actor, def, { user, input, targets });
    }
    const record = newConfirmation(
      {
        actionKey: def.key,
        input,
        ...(user ? { targetUserId: user.id } : {}),
        ...(typed ? { typed: typed.slice(0, 400) } : {}),
        actor: {
          userId: req.actor.userId,
          ...(req.actor.teamId ? { teamId: req.actor.teamId } : {}),
          ...(req.actor.name ? { name: req.actor.name.slice(0, 200) } : {}),
        },
        ...(req.channelId ? { channelId: req.channelId } : {}),
      },
      { id: newConfirmationId(), now: now(), ttlMs: CONFIRMATION_TTL_MS },
    );
    await deps.confirmations.create(record);
    return blind
      ? { kind: 'confirm', user: undefined, input, confirmationId: record.id, typed }
      : { kind: 'confirm', user, input, confirmationId: record.id };
  };

  const confirmation = (def: AnyActionDefinition, outcome: Extract<StartOutcome, { kind: 'confirm' }>) => {
    const rule = deps.gate.rule(def);
    const note = rule.needed
      ? ['This action needs approval: confirming sends a request to the approvers.']
      : [];
    const shown =
      'typed' in outcome
        ? blindConfirmation(def, outcome.input, outcome.typed)
        : def.confirm(outcome.input, outcome.user);
    const values = {
      confirm: confirmationIdValue.encode(outcome.confirmationId),
      cancel: cancelValue.encode(outcome.confirmationId),
    };
    return confirmationMessage(shown, values, note);
  };

  /** The Confirm click: claimed once, then everything is checked again on the server (see confirm.ts). */
  const confirm = createConfirmFlow({
    store: deps.confirmations,
    actions: deps.actions,
    users: deps.users,
    gate: deps.gate,
    execution: deps.execution,
    freshActor: deps.freshActor,
    seesUsers: (actor) => seesUsers(deps.policy, actor),
    authorize: authorizeOrThrow,
    validate: (def, record, user, actor) => {
      const input = parseInput(def, record.input, user);
      def.check?.(input, user, now(), deps.policy, actor);
      return input;
    },
    logger: deps.logger,
    now,
  });

  /** The Cancel click: voids the stored confirmation in one atomic step (see cancel.ts). */
  const cancel = createCancelFlow({
    store: deps.confirmations,
    actions: deps.actions,
    execution: deps.execution,
    now,
  });

  return { start, confirmation, confirm, cancel, authorizeOrThrow };
};

export type Pipeline = ReturnType<typeof createPipeline>;
