/**
 * The rules of the schedule as pure functions over one assignment's grants. The in-memory store runs them as they
 * are; the Redis scripts (lua/) implement the same rules, and the contract tests hold both to them.
 */

import type { GrantRecord } from './record.js';
import type { FinishReport } from './store.js';

export interface Claim {
  readonly token: string;
  readonly leaseUntil: number;
  /** The claim takes access back: a new grant of the same access waits until it is done. */
  readonly revoke: boolean;
}

/** Grants still giving access after `now` (another grant's expiry must not cut them). */
const runsOn = (g: GrantRecord, now: number): boolean => g.state === 'active' && g.exp > now;

const reminderDue = (g: GrantRecord, now: number): boolean =>
  runsOn(g, now) && g.remindAt !== undefined && g.remindAt <= now && g.remindedFor !== g.remindAt;

/** When this assignment next needs a worker; undefined when every grant has ended. */
export const nextDueOf = (grants: readonly GrantRecord[], claim: Claim | undefined, now: number) => {
  if (!grants.some((g) => g.state !== 'ended')) return undefined;
  if (claim && claim.leaseUntil > now) return claim.leaseUntil;
  const live = grants.some((g) => runsOn(g, now));
  let best = Number.POSITIVE_INFINITY;
  for (const g of grants) {
    if (g.state === 'active') {
      best = Math.min(best, g.exp);
      if (g.remindAt !== undefined && g.remindedFor !== g.remindAt && g.remindAt < g.exp)
        best = Math.min(best, g.remindAt);
    } else if (g.state === 'overdue') best = Math.min(best, live ? now : (g.nextTry ?? now));
    else if (g.state === 'revoking') best = Math.min(best, now);
  }
  return Number.isFinite(best) ? best : now;
};

/** What a claim at `now` hands out: covered ends, the revoke, the reminders. */
export const planClaim = (grants: readonly GrantRecord[], now: number) => {
  const live = grants.some((g) => runsOn(g, now));
  const ending = grants.filter(
    (g) =>
      (g.state === 'active' && g.exp <= now) ||
      g.state === 'revoking' ||
      (g.state === 'overdue' && (live || (g.nextTry ?? 0) <= now)),
  );
  return {
    covered: live ? ending : [],
    revoke: live ? [] : ending,
    remind: grants.filter((g) => reminderDue(g, now)),
  };
};

/** The records after `report` (the claim holder's), and which ended or became overdue. */
export const applyFinish = (grants: readonly GrantRecord[], report: FinishReport, now: number) => {
  const ended: GrantRecord[] = [];
  const overdue: GrantRecord[] = [];
  const covered = new Set(report.covered);
  const revoked = new Set(report.revoke?.ids ?? []);
  const next = grants.map((g): GrantRecord => {
    let r = g;
    const remindedFor = report.reminded[g.id];
    if (remindedFor !== undefined && r.state === 'active' && r.remindAt === remindedFor)
      r = { ...r, remindedFor };
    const stillEnding =
      r.state === 'overdue' || r.state === 'revoking' || (r.state === 'active' && r.exp <= now);
    if (covered.has(g.id) && stillEnding) {
      r = { ...r, state: 'ended', ended: { at: now, how: 'covered' } };
      ended.push(r);
    } else if (revoked.has(g.id) && r.state === 'revoking' && report.revoke) {
      const { outcome } = report.revoke;
      if (outcome === 'failed') {
        r = {
          ...r,
          state: 'overdue',
          attempts: (r.attempts ?? 0) + 1,
          nextTry: report.revoke.nextTryMs ?? now,
          overdueSince: r.overdueSince ?? now,
          ...(report.revoke.errorCode ? { lastError: report.revoke.errorCode } : {}),
        };
        overdue.push(r);
      } else {
        r = { ...r, state: 'ended', ended: { at: now, how: outcome } };
        ended.push(r);
      }
    }
    return r;
  });
  return { grants: next, ended, overdue };
};

/** Ended grants older than the retention are dropped. */
export const pruneEnded = (grants: readonly GrantRecord[], now: number, retentionMs: number) =>
  grants.filter((g) => g.state !== 'ended' || (g.ended?.at ?? now) + retentionMs > now);
