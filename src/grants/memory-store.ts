/**
 * In-memory `GrantStore` with the same semantics as the Redis one (the contract tests run against both). Single
 * process only: each method runs to completion synchronously, which makes every transition atomic. A restart
 * forgets every grant, so without Redis a grant given before a restart is never revoked: main.ts warns.
 */
import { applyFinish, type Claim, nextDueOf, planClaim, pruneEnded } from './plan.js';
import {
  assignmentTagSchema,
  type GrantRecord,
  grantIdSchema,
  isLive,
  parseGrantRecord,
  shardOf,
  tagOfGrant,
} from './record.js';
import { type ChangeOutcome, GRANT_RETENTION_MS, type GrantStore } from './store.js';

interface Assignment {
  grants: GrantRecord[];
  claim: Claim | undefined;
  /** When the assignment is due next (undefined: nothing left to do). */
  dueAt: number | undefined;
  dropAt: number | undefined;
}

export const createMemoryGrantStore = ({
  retentionMs = GRANT_RETENTION_MS,
}: {
  retentionMs?: number;
} = {}): GrantStore => {
  const assignments = new Map<string, Assignment>();
  const copy = (r: GrantRecord): GrantRecord => structuredClone(r);

  const dropOld = (now: number): void => {
    for (const [tag, a] of assignments)
      if (a.dropAt !== undefined && a.dropAt <= now) assignments.delete(tag);
  };
  const reindex = (a: Assignment, now: number): void => {
    a.grants = pruneEnded(a.grants, now, retentionMs);
    a.dueAt = nextDueOf(a.grants, a.claim, now);
    a.dropAt = a.dueAt === undefined ? now + retentionMs : undefined;
  };
  const find = (id: string): { a: Assignment; i: number } | undefined => {
    if (!grantIdSchema.safeParse(id).success) return undefined;
    const a = assignments.get(tagOfGrant(id));
    const i = a?.grants.findIndex((g) => g.id === id) ?? -1;
    return a && i >= 0 ? { a, i } : undefined;
  };
  const revokeRunning = (a: Assignment, now: number): boolean =>
    a.claim?.revoke === true && a.claim.leaseUntil > now;

  const change = (
    id: string,
    now: Date,
    update: (g: GrantRecord, a: Assignment) => GrantRecord | 'closed',
  ): ChangeOutcome => {
    const found = find(id);
    if (!found) return { kind: 'refused', reason: 'not_found' };
    const { a, i } = found;
    const current = a.grants[i] as GrantRecord;
    const next = update(current, a);
    if (next === 'closed') return { kind: 'refused', reason: 'closed', record: copy(current) };
    a.grants[i] = parseGrantRecord(next, id);
    reindex(a, now.getTime());
    return { kind: 'ok', record: copy(next) };
  };

  return {
    async create(record, now) {
      const nowMs = now.getTime();
      dropOld(nowMs);
      const parsed = parseGrantRecord(record, record.id);
      const tag = tagOfGrant(parsed.id);
      const a = assignments.get(tag) ?? { grants: [], claim: undefined, dueAt: undefined, dropAt: undefined };
      if (revokeRunning(a, nowMs)) return { kind: 'refused', reason: 'busy' };
      if (a.grants.some((g) => g.id === parsed.id))
        return { kind: 'refused', reason: 'closed', record: copy(parsed) };
      a.grants.push(copy(parsed));
      assignments.set(tag, a);
      reindex(a, nowMs);
      return { kind: 'ok', record: copy(parsed) };
    },

    async get(id) {
      const found = find(id);
      return found ? copy(found.a.grants[found.i] as GrantRecord) : undefined;
    },

    async endNow(id, { by, why, now }) {
      const nowMs = now.getTime();
      return change(id, now, (g) =>
        g.state !== 'active'
          ? 'closed'
          : { ...g, exp: Math.min(g.exp, nowMs), early: { by, at: nowMs, why } },
      );
    },

    async extend(id, { expiresAtMs, remindAtMs, now }) {
      const nowMs = now.getTime();
      return change(id, now, (g) => {
        if (g.state !== 'active' || g.exp <= nowMs) return 'closed';
        const { remindAt: _r, remindedFor: _f, ...rest } = g;
        return {
          ...rest,
          exp: expiresAtMs,
          ...(remindAtMs !== undefined ? { remindAt: remindAtMs } : {}),
          extensions: (g.extensions ?? 0) + 1,
        };
      });
    },

    async due(now, limit) {
      const nowMs = now.getTime();
      dropOld(nowMs);
      const scheduled = [...assignments.entries()]
        .filter((e): e is [string, Assignment & { dueAt: number }] => e[1].dueAt !== undefined)
        .sort((x, y) => x[1].dueAt - y[1].dueAt);
      const tags = scheduled.filter(([, a]) => a.dueAt <= nowMs).map(([tag]) => tag);
      const next = scheduled.find(([, a]) => a.dueAt > nowMs)?.[1].dueAt;
      return { tags: tags.slice(0, limit), nextAtMs: tags.length > limit ? nowMs : next };
    },

    async claim(tag, { now, leaseMs, token }) {
      const nowMs = now.getTime();
      const a = assignmentTagSchema.safeParse(tag).success ? assignments.get(tag) : undefined;
      if (!a) return { kind: 'later', atMs: undefined };
      if (a.claim && a.claim.leaseUntil > nowMs) return { kind: 'busy', untilMs: a.claim.leaseUntil };
      a.claim = undefined;
      const plan = planClaim(a.grants, nowMs);
      if (plan.covered.length + plan.revoke.length + plan.remind.length === 0) {
        reindex(a, nowMs);
        return { kind: 'later', atMs: a.dueAt };
      }
      const revoking = new Set(plan.revoke.map((g) => g.id));
      a.grants = a.grants.map((g) => (revoking.has(g.id) ? { ...g, state: 'revoking' } : g));
      a.claim = { token, leaseUntil: nowMs + leaseMs, revoke: revoking.size > 0 };
      reindex(a, nowMs);
      const current = (ids: readonly GrantRecord[]) =>
        ids.map((g) => copy(a.grants.find((x) => x.id === g.id) as GrantRecord));
      return {
        kind: 'claimed',
        work: {
          tag,
          token,
          covered: current(plan.covered),
          revoke: current(plan.revoke),
          remind: current(plan.remind),
        },
      };
    },

    async finish(tag, token, report, now) {
      const nowMs = now.getTime();
      const a = assignments.get(tag);
      if (!a || a.claim?.token !== token) return { kind: 'lost' };
      const applied = applyFinish(a.grants, report, nowMs);
      a.grants = applied.grants;
      a.claim = undefined;
      reindex(a, nowMs);
      return { kind: 'done', ended: applied.ended.map(copy), overdue: applied.overdue.map(copy) };
    },

    async live({ userId, limit }) {
      const shard = userId === undefined ? undefined : shardOf(userId);
      return [...assignments.entries()]
        .filter(([tag]) => shard === undefined || tag.startsWith(`${shard}.`))
        .flatMap(([, a]) => a.grants)
        .filter((g) => isLive(g) && (userId === undefined || g.user.id === userId))
        .sort((x, y) => x.exp - y.exp)
        .slice(0, limit)
        .map(copy);
    },

    async close() {
      assignments.clear();
    },
  };
};
