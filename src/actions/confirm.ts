/**
 * The Confirm click: claim the stored confirmation (one atomic step), show "working…", then check everything again
 * on the server (the clicker's right, read fresh; the channel; the target; the input) and run the one mutation or
 * open the one approval request. The action, input and target come from the stored record, never from the button.
 */
import type { ApprovalGate } from '../approvals/gate.js';
import { infoMessage, resultMessage, workingMessage } from '../blocks/messages.js';
import { confirmationIdValue, confirmValue } from '../blocks/payloads.js';
import { approvalIdFor } from '../confirmations/ids.js';
import type { ConfirmationOutcome, ConfirmationRecord } from '../confirmations/record.js';
import { CONFIRMATION_LEASE_MS, type ConfirmationStore, claimRefusal } from '../confirmations/store.js';
import { AppError, asAppError, isAppError } from '../errors.js';
import { type AppLogger, errorFields } from '../logger.js';
import type { Actor } from '../permissions/authorize.js';
import { errorReply } from '../slack/error-reply.js';
import type { Reply, ReplyMessage } from '../slack/reply.js';
import type { UserResolver } from '../users/resolve.js';
import { auditContextOf, type Execution } from './execute.js';
import { blindError, blindResultMessage, isNeutral, neutralRefusal } from './least-privilege.js';
import { auditStrangerClick } from './stranger-click.js';
import type { AnyActionDefinition } from './types.js';

/** Who clicked, as Slack says (their roles are read fresh from the policy and Slack at the click). */
export interface Clicker {
  readonly id: string;
  readonly teamId?: string | undefined;
  readonly name?: string | undefined;
}

export interface ConfirmDeps {
  readonly store: ConfirmationStore;
  readonly actions: ReadonlyMap<string, AnyActionDefinition>;
  readonly users: UserResolver;
  readonly gate: ApprovalGate;
  readonly execution: Execution;
  /** The clicker's roles now: user-group membership read from Slack, not from a cache. */
  readonly freshActor: (clicker: Clicker) => Promise<Actor>;
  /** Whether the actor may see users; if not, the target and the outcome are shown only as typed. */
  readonly seesUsers: (actor: Actor) => boolean;
  /** Refuses (audited) when the actor may not run `def` in `channelId`. */
  readonly authorize: (
    actor: Actor,
    def: AnyActionDefinition,
    channelId: string | undefined,
  ) => Promise<void>;
  /** Parses the stored input again with the action's schema, and runs its read-first checks. */
  readonly validate: (
    def: AnyActionDefinition,
    record: ConfirmationRecord,
    user: Awaited<ReturnType<UserResolver['byNodeId']>> | undefined,
    actor: Actor,
  ) => Record<string, unknown>;
  readonly logger: AppLogger;
  readonly now: () => Date;
  readonly leaseMs?: number;
}

/** The button's value → the confirmation ID; a button from before confirmations were stored is refused kindly. */
const confirmationIdOf = (value: string | undefined): string => {
  const id = confirmationIdValue.safeDecode(value);
  if (id !== undefined) return id;
  if (confirmValue.safeDecode(value) !== undefined)
    throw new AppError(
      'confirmation.expired',
      'This confirmation is from an earlier version of the bot and can no longer be used. Start the action again.',
    );
  throw new AppError('input.invalid', confirmationIdValue.stale);
};

/**
 * The input of a gated request from someone who may not see users: validated when it fits; when it does not (no
 * such user, or a state the action does not fit) the stored input goes for approval as it is and the run refuses
 * it (the executor checks everything again). Refusals that say nothing about the target still stop it here.
 */
const validateBlindGated = (
  validate: () => Record<string, unknown>,
  stored: Record<string, unknown>,
): Record<string, unknown> => {
  try {
    return validate();
  } catch (e) {
    if (isAppError(e) && !isNeutral(e)) return stored;
    throw e;
  }
};

interface Ran {
  readonly outcome: ConfirmationOutcome['result'];
  readonly code?: string;
  readonly message: ReplyMessage;
  /** The result carried a secret: if showing it fails, the person is told to regenerate it. */
  readonly secretLabel?: string;
}

export const createConfirmFlow = (deps: ConfirmDeps) => {
  const { store, now, logger } = deps;
  const leaseMs = deps.leaseMs ?? CONFIRMATION_LEASE_MS;

  /** Everything after the claim. Never throws: every ending becomes an outcome and a message. */
  const run = async (
    record: ConfirmationRecord,
    clicker: Clicker,
    ref: Record<string, unknown>,
  ): Promise<Ran> => {
    let started = false;
    let blind = false;
    try {
      const def = deps.actions.get(record.actionKey);
      if (def === undefined)
        throw new AppError('input.invalid', 'That action no longer exists. Start again.');
      const actor = await deps.freshActor(clicker);
      await deps.authorize(actor, def, record.channelId);
      blind = def.targetsUser !== false && !deps.seesUsers(actor);
      // A gated action of someone who may not see users goes for approval whether or not the target exists or
      // fits, so "sent for approval" says nothing about it; the run then fails neutrally (approvals/run.ts).
      const blindGated = blind && deps.gate.rule(def).needed;
      if (blind && !blindGated && record.targetUserId === undefined) throw neutralRefusal(record.typed);
      const user =
        record.targetUserId && def.targetsUser !== false
          ? await deps.users.byNodeId(record.targetUserId, auditContextOf(actor))
          : undefined;
      const input = blindGated
        ? validateBlindGated(() => deps.validate(def, record, user, actor), record.input)
        : deps.validate(def, record, user, actor);
      const reason = typeof input.reason === 'string' ? input.reason : undefined;
      const gate = await deps.gate.submit({
        def,
        input,
        user,
        actor,
        reason,
        approvalId: approvalIdFor(record.id),
        ...(blind ? { typed: record.typed ?? '' } : {}),
      });
      if (gate.kind === 'pending')
        return { outcome: 'pending_approval', message: infoMessage(gate.message, true) };
      started = true;
      const result = await deps.execution.execute(actor, def, input, undefined, { user });
      return {
        outcome: 'executed',
        message: blind
          ? resultMessage(blindResultMessage(def, record.typed), result.secret)
          : resultMessage(result.message, result.secret, result.blocks, result.warning === true),
        ...(result.secret ? { secretLabel: result.secret.label } : {}),
      };
    } catch (e) {
      const err = blind ? blindError(asAppError(e), record.typed) : asAppError(e);
      const outcome = !started ? 'refused' : err.code === 'authgear.outcome_unknown' ? 'unknown' : 'failed';
      return {
        outcome,
        code: err.code,
        message: { ...errorReply(err, logger, ref), replaceOriginal: true },
      };
    }
  };

  /** Shows the result; a result with a secret that cannot be shown is followed by a note to regenerate it. */
  const deliver = async (reply: Reply, ran: Ran, ref: Record<string, unknown>): Promise<void> => {
    try {
      await reply(ran.message);
    } catch (e) {
      logger.error({ ...ref, ...errorFields(e) }, 'could not show the result of a confirmed action');
      if (ran.secretLabel === undefined) return;
      await reply(
        infoMessage(
          `It was done, but the ${ran.secretLabel.toLowerCase()} could not be shown to you. It may need regenerating.`,
          true,
        ),
      ).catch(() => logger.error(ref, 'could not tell the requester that the secret was not delivered'));
    }
  };

  return async (req: {
    readonly clicker: Clicker;
    readonly value: string | undefined;
    readonly reply: Reply;
  }) => {
    const id = confirmationIdOf(req.value);
    const claim = await store.claim(id, { userId: req.clicker.id, now: now(), leaseMs });
    if (claim.kind !== 'claimed') {
      if (claim.kind === 'not_yours') await auditStrangerClick(deps, req.clicker, claim.record, 'Confirm');
      throw claimRefusal(claim, id);
    }
    const record = claim.record;
    const ref = {
      handler: 'confirm_action',
      user: req.clicker.id,
      confirmationId: id,
      action: record.actionKey,
    };
    const title = deps.actions.get(record.actionKey)?.title ?? 'Working';
    await req
      .reply(workingMessage(title))
      .catch((e: unknown) => logger.warn({ ...ref, ...errorFields(e) }, 'could not show the working state'));
    const ran = await run(record, req.clicker, ref);
    await store
      .finish(id, {
        outcome: { result: ran.outcome, ...(ran.code ? { code: ran.code } : {}), at: now().toISOString() },
        now: now(),
      })
      .catch((e: unknown) =>
        logger.error({ ...ref, ...errorFields(e) }, 'the outcome of a confirmation could not be recorded'),
      );
    await deliver(req.reply, ran, ref);
  };
};

export type ConfirmFlow = ReturnType<typeof createConfirmFlow>;
