/**
 * Running an approved request: only the holder of the claim gets here, so it runs at most once. The requester's
 * right is checked again (read fresh), the one mutation runs as them, the outcome is stored, the card redrawn and
 * the requester told; a secret goes into the vault behind a Reveal button, never into the DM itself.
 */
import type { Executor } from '../actions/execute.js';
import { blindError, HIDDEN_TARGET, neutralRefusal } from '../actions/least-privilege.js';
import type { ActionResult, AnyActionDefinition } from '../actions/types.js';
import { secretIdValue } from '../blocks/payloads.js';
import { secretReadyMessage } from '../blocks/secret.js';
import { AppError, asAppError } from '../errors.js';
import { type AppLogger, errorFields } from '../logger.js';
import type { Actor } from '../permissions/authorize.js';
import type { SecretVault } from '../secrets/vault.js';
import type { CardRef, Notifier } from './notify.js';
import { type ApprovalRecord, type ApprovalResult, requesterSummary } from './record.js';
import type { ApprovalStore } from './store.js';

export interface RunDeps {
  readonly store: ApprovalStore;
  readonly actions: ReadonlyMap<string, AnyActionDefinition>;
  readonly execute: Executor;
  /** The requester as the policy sees them now; throws when they lost the right since asking. */
  readonly requesterNow: (record: ApprovalRecord) => Promise<Actor>;
  readonly notify: Notifier;
  readonly secrets: SecretVault;
  readonly logger: AppLogger;
  readonly now: () => Date;
}

const UNKNOWN = 'authgear.outcome_unknown';

export const createRunner = (deps: RunDeps) => {
  const { store, notify, logger, now } = deps;

  /**
   * Tells the requester the result by DM. A secret is sealed in the vault and the DM carries a Reveal button; when
   * that fails, they are told the action ran and the secret may need regenerating. Returns whether all arrived.
   */
  const deliver = async (record: ApprovalRecord, shown: ActionResult): Promise<boolean> => {
    // A requester who may not see users is told only what they typed, never the user's name or card.
    const result: ActionResult = record.requesterView
      ? {
          message: shown.warning
            ? `${requesterSummary(record)}: it changed nothing you asked for.`
            : `${requesterSummary(record)}: done.`,
          ...(shown.secret ? { secret: shown.secret } : {}),
          ...(shown.warning ? { warning: shown.warning } : {}),
        }
      : shown;
    const secret = result.secret;
    if (secret === undefined) {
      const text = result.warning
        ? `:warning: Approved and run, but: ${result.message}`
        : `Approved and done: ${result.message}`;
      return notify.dmRequester(record, text, result.blocks);
    }
    try {
      const kept = await deps.secrets.keep(record.requester.userId, secret);
      const m = secretReadyMessage(
        result.message,
        secret.label,
        kept.until,
        secretIdValue.encode(kept.id),
        result.blocks,
      );
      if (await notify.dmRequester(record, m.text, m.blocks)) return true;
    } catch (e) {
      logger.error(
        { approvalId: record.id, ...errorFields(e) },
        'approval: the secret could not be kept for reveal',
      );
    }
    await notify.dmRequester(
      record,
      `Approved and done: ${result.message} The ${secret.label.toLowerCase()} could not be delivered to you; it may need regenerating.`,
    );
    return false;
  };

  /**
   * Runs it; returns the record as it ends, and a note for the approver who clicked when there is more to say than
   * its state.
   */
  return async (
    record: ApprovalRecord,
    claim: string,
    clicked?: CardRef,
  ): Promise<{ final: ApprovalRecord; note?: string }> => {
    const def = deps.actions.get(record.actionKey);
    let result: ActionResult | undefined;
    let failure: AppError | undefined;
    let started = false;
    try {
      if (!def) throw new AppError('input.invalid', 'That action no longer exists.');
      const actor = await deps.requesterNow(record);
      // Sent for approval by someone who may not see users although no user matched what they typed.
      if (record.input.userId === HIDDEN_TARGET) throw neutralRefusal(record.requesterView?.typed);
      started = true; // from here on the executor audits executed/failed/unknown itself
      result = await deps.execute(actor, def, record.input, {
        id: record.id,
        link: record.card?.link,
        approvers: record.approvals.map((a) => a.userId),
      });
    } catch (e) {
      failure = asAppError(e);
    }
    const unknown = failure?.code === UNKNOWN;
    const stored: ApprovalResult = result
      ? { ok: true }
      : { ok: false, ...(failure ? { errorCode: failure.code } : {}) };
    let final: ApprovalRecord;
    let recorded = true;
    try {
      const done = await store.complete(record.id, {
        claim,
        result: stored,
        now: now(),
        ...(unknown ? { unknown } : {}),
      });
      final = done.kind === 'completed' ? done.record : (done.record ?? record);
    } catch (e) {
      // The claim is ours and the mutation may have run: never retry it; say what is known.
      recorded = false;
      logger.error(
        {
          approvalId: record.id,
          started,
          outcome: result ? 'executed' : (failure?.code ?? 'none'),
          ...errorFields(e),
        },
        'approval: the outcome could not be recorded',
      );
      final = { ...record, state: result ? 'executed' : unknown ? 'unknown' : 'failed', result: stored };
    }
    if (failure && !started)
      await notify.audit('failed', final, record.requester, { errorCode: failure.code });
    await notify.updateCard(final, clicked);
    const delivered = result ? await deliver(final, result) : true;
    if (!result) {
      const told =
        failure && record.requesterView ? blindError(failure, record.requesterView.typed) : failure;
      await notify.dmRequester(
        final,
        unknown
          ? `Your approved request was sent to Authgear, but Authgear did not confirm whether it was done: ${requesterSummary(record)}. Check in Authgear before asking again.`
          : `Your approved request failed: ${requesterSummary(record)}. ${told?.userMessage ?? 'The action failed.'}`,
      );
    }
    if (!recorded)
      return {
        final,
        note: started
          ? 'It ran, but its result could not be recorded (the approvals store is unavailable). Check Authgear before doing anything else.'
          : 'It did not run, and the request could not be updated (the approvals store is unavailable).',
      };
    if (unknown)
      return {
        final,
        note: 'Authgear did not confirm whether it was done. Check in Authgear before anything else.',
      };
    if (!delivered && result?.secret)
      return {
        final,
        note: `It ran, but the ${result.secret.label.toLowerCase()} could not be delivered to <@${record.requester.userId}>; it may need regenerating. They were told.`,
      };
    return { final };
  };
};

export type Runner = ReturnType<typeof createRunner>;
