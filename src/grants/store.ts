/**
 * The grant schedule. Every change is one atomic transition on one assignment (the grants of one role or group to
 * one user), so several replicas share the work and each expiry is handled once. Time is always passed in.
 *
 * The worker's cycle: `due` names assignments with work, `claim` hands one worker the work (reminders to send,
 * grants that ended while another grant of the same access runs on, grants whose access must be taken back) under
 * a lease, and `finish` records what the worker did. A worker that dies leaves the lease to run out; the next claim
 * hands the same work to someone else (Authgear's add and remove are idempotent, so redoing a revoke is safe).
 */
import type { GrantRecord } from './record.js';

/** The work one claim hands out; `token` proves the claim at `finish`. */
export interface ClaimedWork {
  readonly tag: string;
  readonly token: string;
  /** Ended while another grant of the same access runs on: no Authgear call, only the record and the audit. */
  readonly covered: readonly GrantRecord[];
  /** Their access must be taken back (state `revoking`): one Authgear call for all of them. */
  readonly revoke: readonly GrantRecord[];
  /** Reminders due (the requester's DM with Extend). */
  readonly remind: readonly GrantRecord[];
}

export type ClaimOutcome =
  | { readonly kind: 'claimed'; readonly work: ClaimedWork }
  /** Another worker holds the assignment until `untilMs`. */
  | { readonly kind: 'busy'; readonly untilMs: number }
  /** Nothing due yet; the next work is at `atMs` (undefined: nothing left at all). */
  | { readonly kind: 'later'; readonly atMs: number | undefined };

export type RevokeOutcome = 'revoked' | 'gone' | 'failed';

/** What the worker did with its claim. */
export interface FinishReport {
  /** Grant ID → the `remindAt` its reminder was sent for. */
  readonly reminded: Readonly<Record<string, number>>;
  readonly covered: readonly string[];
  readonly revoke?: {
    readonly ids: readonly string[];
    readonly outcome: RevokeOutcome;
    /** For `failed`: when to try again, and the error code. */
    readonly nextTryMs?: number;
    readonly errorCode?: string;
  };
}

export type FinishOutcome =
  /** `ended`: grants this call ended; `overdue`: grants whose revoke failed and will be retried. */
  | {
      readonly kind: 'done';
      readonly ended: readonly GrantRecord[];
      readonly overdue: readonly GrantRecord[];
    }
  /** The claim ran out and someone else holds the assignment now: nothing was recorded. */
  | { readonly kind: 'lost' };

export type ChangeRefusal = 'not_found' | 'closed' | 'busy';

export type ChangeOutcome =
  | { readonly kind: 'ok'; readonly record: GrantRecord }
  | { readonly kind: 'refused'; readonly reason: ChangeRefusal; readonly record?: GrantRecord | undefined };

export interface GrantStore {
  /**
   * Schedules a new active grant (before Authgear is asked to add anything, so no access is ever given without its
   * revoke). Refused `busy` while a revoke of the same access to the same user is in flight.
   */
  create(record: GrantRecord, now: Date): Promise<ChangeOutcome>;
  /** The record, or undefined (unknown ID, or ended longer ago than the retention). */
  get(id: string): Promise<GrantRecord | undefined>;
  /** Ends an active grant now (Revoke now, or a grant whose add failed): it becomes due at once. */
  endNow(
    id: string,
    input: { readonly by: string; readonly why: 'revoke' | 'failed'; readonly now: Date },
  ): Promise<ChangeOutcome>;
  /** Moves an active grant's expiry (and its reminder). */
  extend(
    id: string,
    input: { readonly expiresAtMs: number; readonly remindAtMs: number | undefined; readonly now: Date },
  ): Promise<ChangeOutcome>;
  /** Assignments with work due at `now` (at most `limit`), and when the next work after that is due. */
  due(now: Date, limit: number): Promise<{ readonly tags: string[]; readonly nextAtMs: number | undefined }>;
  claim(
    tag: string,
    input: { readonly now: Date; readonly leaseMs: number; readonly token: string },
  ): Promise<ClaimOutcome>;
  finish(tag: string, token: string, report: FinishReport, now: Date): Promise<FinishOutcome>;
  /** Grants not yet ended: one user's (node ID), or everyone's; soonest expiry first, at most `limit`. */
  live(options: { readonly userId?: string; readonly limit: number }): Promise<GrantRecord[]>;
  close(): Promise<void>;
}

/** How long ended grants are kept (late clicks on Extend or Revoke now then say "already ended"). */
export const GRANT_RETENTION_MS = 7 * 24 * 60 * 60 * 1000;
