/**
 * The Cancel click on a confirmation: voids the stored confirmation in one atomic step (the same kind of step as the
 * Confirm claim, on the same record), so a Confirm afterwards (another tab, a replayed request, another replica)
 * finds it cancelled and runs nothing, and a Cancel racing a Confirm has exactly one winner. A cancel is audited, and
 * so is a stranger's refused Cancel (as a denial, like a stranger's Confirm).
 */
import { infoMessage } from '../blocks/messages.js';
import { cancelValue } from '../blocks/payloads.js';
import { type ConfirmationStore, claimRefusal } from '../confirmations/store.js';
import { AppError } from '../errors.js';
import type { Reply } from '../slack/reply.js';
import type { Clicker } from './confirm.js';
import type { Execution } from './execute.js';
import { auditStrangerClick } from './stranger-click.js';
import type { AnyActionDefinition } from './types.js';

export interface CancelDeps {
  readonly store: ConfirmationStore;
  readonly actions: ReadonlyMap<string, AnyActionDefinition>;
  readonly execution: Execution;
  readonly now: () => Date;
}

const CANCELLED = 'Cancelled. Nothing was changed.';

export const createCancelFlow = (deps: CancelDeps) => {
  const { store, now } = deps;
  return async (req: {
    readonly clicker: Clicker;
    readonly value: string | undefined;
    readonly reply: Reply;
  }): Promise<void> => {
    const value = cancelValue.decode(req.value);
    // A card from before Cancel carried the confirmation's ID: nothing to void here (it expires on its own).
    if (value === 'cancel') return req.reply(infoMessage(CANCELLED, true));
    const outcome = await store.cancel(value, { userId: req.clicker.id, now: now() });
    switch (outcome.kind) {
      case 'cancelled': {
        const { record } = outcome;
        const def = deps.actions.get(record.actionKey);
        if (def) {
          const label = record.typed ?? record.targetUserId;
          await deps.execution.audit(
            'cancelled',
            { userId: req.clicker.id, name: req.clicker.name, roles: [] },
            def,
            {
              input: record.input,
              ...(label ? { target: { userId: record.targetUserId, label } } : {}),
            },
          );
        }
        return req.reply(infoMessage(CANCELLED, true));
      }
      case 'expired':
        return req.reply(infoMessage('This confirmation had already expired. Nothing was changed.', true));
      case 'not_yours':
        await auditStrangerClick(deps, req.clicker, outcome.record, 'Cancel');
        throw new AppError(
          'confirmation.not_yours',
          'Only the person who started this action can cancel it.',
          { details: { confirmationId: value } },
        );
      case 'done':
        if (outcome.outcome.result === 'cancelled') return req.reply(infoMessage(CANCELLED, true));
        throw claimRefusal(outcome, value);
      case 'running':
        throw claimRefusal(outcome, value);
    }
  };
};

export type CancelFlow = ReturnType<typeof createCancelFlow>;
