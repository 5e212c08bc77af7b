/**
 * The confirmations store: a confirmation is claimed once. The claim is one atomic step (one Redis script, one
 * round trip), so a double click, a replayed request or clicks landing on several replicas find it already
 * claimed, and only the first runs anything. Time is always passed in; stores never read the clock.
 *
 * States: pending → running (claimed) → done (outcome recorded), or pending → done (cancelled) on Cancel, in the same
 * kind of atomic step, so a Cancel and a Confirm racing have exactly one winner. A pending record past its expiry
 * is gone.
 */
import { AppError } from '../errors.js';
import type { ConfirmationOutcome, ConfirmationRecord } from './record.js';

export type ClaimOutcome =
  /** This call claimed it: run the action. */
  | { readonly kind: 'claimed'; readonly record: ConfirmationRecord }
  /** Claimed earlier and not finished; `stalled` once its lease has passed (the runner may have crashed). */
  | { readonly kind: 'running'; readonly record: ConfirmationRecord; readonly stalled: boolean }
  | { readonly kind: 'done'; readonly record: ConfirmationRecord; readonly outcome: ConfirmationOutcome }
  /** Missing, or past its expiry before anyone claimed it. */
  | { readonly kind: 'expired' }
  /** Someone other than the person it was shown to: nothing was claimed. */
  | { readonly kind: 'not_yours'; readonly record: ConfirmationRecord };

/** What a Cancel click found: like a claim, but a pending confirmation ends cancelled instead of running. */
export type CancelOutcome =
  | { readonly kind: 'cancelled'; readonly record: ConfirmationRecord }
  | Exclude<ClaimOutcome, { kind: 'claimed' }>;

export interface ClaimInput {
  readonly userId: string;
  readonly now: Date;
  /** How long the claimer may take before later clicks are told it stalled. */
  readonly leaseMs: number;
}

export interface ConfirmationStore {
  /** Stores a new pending confirmation until its `expiresAt`. */
  create(record: ConfirmationRecord): Promise<void>;
  /** The one atomic step from pending to running. */
  claim(id: string, input: ClaimInput): Promise<ClaimOutcome>;
  /** The one atomic step from pending to done (cancelled): a later claim finds it done and runs nothing. */
  cancel(id: string, input: { readonly userId: string; readonly now: Date }): Promise<CancelOutcome>;
  /** running → done with what happened; false when the record is no longer running (gone or finished). */
  finish(id: string, input: { readonly outcome: ConfirmationOutcome; readonly now: Date }): Promise<boolean>;
  close(): Promise<void>;
}

/** A pending confirmation lives this long (a response_url lives 30 minutes; Confirm soon or start again). */
export const CONFIRMATION_TTL_MS = 15 * 60_000;
/** How long a claimed or finished record is kept, so late clicks and replays are told what happened. */
export const CONFIRMATION_KEEP_MS = 24 * 60 * 60_000;
/** How long a claimer may take (the Admin API call has its own 10 s timeout). */
export const CONFIRMATION_LEASE_MS = 2 * 60_000;

const RESULTS: Record<ConfirmationOutcome['result'], string> = {
  executed: 'It was done.',
  failed: 'It did not go through; nothing was changed.',
  unknown: 'Authgear did not confirm whether it was done: check before trying again.',
  pending_approval: 'It was sent for approval.',
  refused: 'It was refused; nothing was changed.',
  cancelled: 'It was cancelled; nothing was changed.',
};

/** The typed refusal a click gets when it did not claim the confirmation. */
export const claimRefusal = (outcome: Exclude<ClaimOutcome, { kind: 'claimed' }>, id: string): AppError => {
  const details = { confirmationId: id };
  switch (outcome.kind) {
    case 'expired':
      return new AppError('confirmation.expired', 'This confirmation has expired. Start the action again.', {
        details,
      });
    case 'not_yours':
      return new AppError(
        'confirmation.not_yours',
        'Only the person who started this action can confirm it.',
        {
          details,
        },
      );
    case 'running':
      return new AppError(
        'confirmation.running',
        outcome.stalled
          ? 'This action started but never reported back (the bot may have restarted). Check Authgear before trying again.'
          : 'This action is already running. Its result will appear here.',
        { details },
      );
    case 'done':
      if (outcome.outcome.result === 'cancelled')
        return new AppError(
          'confirmation.done',
          'This action was cancelled. Nothing was changed; start it again if you still need it.',
          { details: { ...details, result: 'cancelled' } },
        );
      return new AppError(
        'confirmation.done',
        `This confirmation was already used. ${RESULTS[outcome.outcome.result]}`,
        { details: { ...details, result: outcome.outcome.result } },
      );
  }
};
