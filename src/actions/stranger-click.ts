/**
 * A Confirm or Cancel click on a confirmation shown to someone else (the store answered `not_yours`): refused, and
 * audited as a denial the same way for both buttons. The audit seam coalesces its repeats like every denial's.
 */
import type { ConfirmationRecord } from '../confirmations/record.js';
import type { Execution } from './execute.js';
import type { AnyActionDefinition } from './types.js';

export const auditStrangerClick = async (
  deps: { readonly execution: Execution; readonly actions: ReadonlyMap<string, AnyActionDefinition> },
  clicker: { readonly id: string; readonly name?: string | undefined },
  record: ConfirmationRecord,
  button: 'Confirm' | 'Cancel',
): Promise<void> => {
  const def = deps.actions.get(record.actionKey);
  if (def === undefined) return;
  await deps.execution.audit('denied', { userId: clicker.id, name: clicker.name, roles: [] }, def, {
    errorCode: 'confirmation.not_yours',
    reason: `clicked ${button} on a confirmation shown to someone else`,
  });
};
