/**
 * Runs the schedule's work: claims an assignment, sends due reminders, ends covered grants, takes access back from
 * Authgear once for all grants whose time is up, records the outcome and audits each step. Any replica may run it:
 * the store hands each assignment's work to one claim at a time.
 */
import { randomUUID } from 'node:crypto';
import type { AuditEvent, AuditSink } from '../audit/event.js';
import type { AdminApi } from '../authgear/client.js';
import { removeUserFromGroups, removeUserFromRoles } from '../authgear/operations/access-links.js';
import { accessText } from '../blocks/grants.js';
import { durationText } from '../blocks/time.js';
import { asAppError } from '../errors.js';
import { type AppLogger, errorFields } from '../logger.js';
import type { GrantRecord } from './record.js';
import type { ClaimedWork, FinishOutcome, FinishReport, GrantStore, RevokeOutcome } from './store.js';

export interface GrantWorkerDeps {
  readonly store: GrantStore;
  readonly api: AdminApi;
  readonly audit: AuditSink;
  readonly logger: AppLogger;
  readonly now: () => Date;
  /** Sends the requester's reminder (DM with Extend); a failure is logged, never retried in a loop. */
  readonly remind: (record: GrantRecord) => Promise<void>;
  /** How long a worker may hold an assignment (default 60 s; the Admin API call is bounded well below it). */
  readonly leaseMs?: number;
  /** Wait before retry `attempt` (1-based) of a failed revoke (default 1 s doubling, at most 5 minutes). */
  readonly backoffMs?: (attempt: number) => number;
}

export type RunOutcome =
  | { readonly kind: 'done'; readonly outcome: FinishOutcome }
  | { readonly kind: 'busy'; readonly untilMs: number }
  | { readonly kind: 'later'; readonly atMs: number | undefined };

/** Assignments worked on at once by one replica (each may wait on one Admin API call). */
const LANES = 16;

export const defaultBackoff = (attempt: number): number => Math.min(1000 * 2 ** (attempt - 1), 300_000);

export const createGrantWorker = (deps: GrantWorkerDeps) => {
  const { store, api, logger, now } = deps;
  const leaseMs = deps.leaseMs ?? 60_000;
  const backoff = deps.backoffMs ?? defaultBackoff;

  const audit = (
    type: AuditEvent['type'],
    r: GrantRecord,
    summary: string,
    extra: Partial<AuditEvent> = {},
  ) => {
    const early = r.early?.why === 'revoke' ? r.early : undefined;
    return deps.audit.record({
      // One ID per grant and step: a worker that died after auditing repeats the same event, never a new one.
      id: `grant-${r.id}-${type}`,
      type,
      at: now().toISOString(),
      actor: { userId: early?.by ?? r.requester.userId, name: early ? undefined : r.requester.name },
      action: early ? 'user.revoke_grant' : 'user.grant',
      actionKey: early ? 'revoke-grant' : 'grant',
      target: { userId: r.user.id, label: r.user.label },
      summary,
      ...extra,
    });
  };

  /** The one Authgear call that takes the access of `grants` (one assignment) back. */
  const takeBack = async (
    grants: readonly GrantRecord[],
  ): Promise<{ outcome: RevokeOutcome; code?: string }> => {
    const [first] = grants;
    if (!first) return { outcome: 'revoked' };
    const by = grants.find((g) => g.early?.why === 'revoke')?.early?.by ?? first.requester.userId;
    const actor = { slack_user_id: by, slack_user_name: 'authgear-slack (grant expiry)' };
    try {
      if (first.target.kind === 'role') {
        const variables = { input: { userID: first.user.id, roleKeys: [first.target.key] } };
        await api.run(removeUserFromRoles, variables, actor);
      } else {
        const variables = { input: { userID: first.user.id, groupKeys: [first.target.key] } };
        await api.run(removeUserFromGroups, variables, actor);
      }
      return { outcome: 'revoked' };
    } catch (e) {
      const err = asAppError(e);
      // The user or the role/group was deleted meanwhile: the access is gone with it (UserNotFound, *UnknownKeys).
      if (err.code === 'authgear.not_found') return { outcome: 'gone', code: err.code };
      logger.warn(
        { grantIds: grants.map((g) => g.id), ...errorFields(e) },
        'grant revoke failed; will retry',
      );
      return { outcome: 'failed', code: err.code };
    }
  };

  const endSummary = (r: GrantRecord): string => {
    const what = `${accessText(r)} for ${r.user.label}`;
    const late = r.attempts ? ` after ${r.attempts} failed attempt(s)` : '';
    const how =
      r.ended?.how === 'covered'
        ? 'another grant of the same access runs on, so nothing was taken back'
        : r.ended?.how === 'gone'
          ? `the user or the ${r.target.kind} no longer exists`
          : `access taken back${late}`;
    if (r.early?.why === 'failed') return `Grant of ${what} did not go through; cleaned up: ${how}`;
    if (r.early?.why === 'revoke') return `Grant of ${what} revoked early; ${how}`;
    return `Grant of ${what} expired after ${durationText(r.exp - r.createdAt)}; ${how}`;
  };

  const auditOutcome = async (outcome: FinishOutcome): Promise<void> => {
    if (outcome.kind !== 'done') return;
    for (const r of outcome.ended) {
      const type = r.early?.why === 'revoke' ? 'revoked' : 'expired';
      await audit(type, r, endSummary(r));
    }
    for (const r of outcome.overdue) {
      if (r.attempts !== 1) continue; // the first failure is audited; later ones only logged, until it is done
      await audit(
        'failed',
        r,
        `Taking back ${accessText(r)} from ${r.user.label} failed; retrying until it is done`,
        {
          errorCode: r.lastError,
        },
      );
    }
  };

  const perform = async (work: ClaimedWork): Promise<FinishOutcome> => {
    const reminded: Record<string, number> = {};
    for (const r of work.remind) {
      try {
        await deps.remind(r);
      } catch (e) {
        logger.warn({ grantId: r.id, ...errorFields(e) }, 'grant reminder not delivered');
      }
      if (r.remindAt !== undefined) reminded[r.id] = r.remindAt;
    }
    const report: FinishReport = { reminded, covered: work.covered.map((r) => r.id) };
    let revoke: FinishReport['revoke'];
    if (work.revoke.length > 0) {
      const taken = await takeBack(work.revoke);
      const attempts = Math.max(...work.revoke.map((r) => r.attempts ?? 0)) + 1;
      revoke = {
        ids: work.revoke.map((r) => r.id),
        outcome: taken.outcome,
        ...(taken.outcome === 'failed' ? { nextTryMs: now().getTime() + backoff(attempts) } : {}),
        ...(taken.code ? { errorCode: taken.code } : {}),
      };
    }
    const outcome = await store.finish(work.tag, work.token, revoke ? { ...report, revoke } : report, now());
    if (outcome.kind === 'lost')
      logger.warn({ tag: work.tag }, 'grant claim ran out before the work was recorded');
    await auditOutcome(outcome);
    return outcome;
  };

  /** Claims and runs the work of one assignment, if any is due. */
  const runAssignment = async (tag: string): Promise<RunOutcome> => {
    const claimed = await store.claim(tag, { now: now(), leaseMs, token: randomUUID() });
    if (claimed.kind !== 'claimed') return claimed;
    return { kind: 'done', outcome: await perform(claimed.work) };
  };

  /** One pass over everything due; returns how many assignments it ran and when the next work is due. */
  const runDue = async (limit = 100): Promise<{ ran: number; nextAtMs: number | undefined }> => {
    const { tags, nextAtMs } = await store.due(now(), limit);
    let ran = 0;
    let next = nextAtMs;
    const queue = [...tags];
    const lane = async (): Promise<void> => {
      for (let tag = queue.shift(); tag !== undefined; tag = queue.shift()) {
        try {
          const r = await runAssignment(tag);
          if (r.kind === 'done') ran += 1;
          const at = r.kind === 'busy' ? r.untilMs : r.kind === 'later' ? r.atMs : undefined;
          if (at !== undefined && (next === undefined || at < next)) next = at;
        } catch (e) {
          logger.warn({ tag, ...errorFields(e) }, 'grant work failed; it stays scheduled');
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(LANES, queue.length) }, lane));
    return { ran, nextAtMs: next };
  };

  return { runAssignment, runDue };
};

export type GrantWorker = ReturnType<typeof createGrantWorker>;
