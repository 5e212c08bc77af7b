/**
 * In-memory `ApprovalStore` with the same semantics as the Redis one (the contract tests run against both).
 * Single process only: each method runs to completion synchronously, which makes every transition atomic.
 * Records are dropped once their retention has passed (checked whenever a method is given `now`).
 */
import { AppError } from '../errors.js';
import { newClaimToken } from './ids.js';
import { type ApprovalRecord, type ApprovalState, approvalIdSchema, parseApprovalRecord } from './record.js';
import { type ApprovalStore, DEFAULT_RETENTION_MS, type RefusalReason, type Refused } from './store.js';

interface Slot {
  record: ApprovalRecord;
  /** Epoch ms after which the record is gone (like a Redis key TTL). */
  dropAtMs: number;
}

export const createMemoryApprovalStore = ({
  retentionMs = DEFAULT_RETENTION_MS,
}: {
  retentionMs?: number;
} = {}): ApprovalStore => {
  const slots = new Map<string, Slot>();

  const copy = (record: ApprovalRecord): ApprovalRecord => structuredClone(record);
  const dropOld = (nowMs: number): void => {
    for (const [id, slot] of slots) if (slot.dropAtMs <= nowMs) slots.delete(id);
  };
  const lookup = (id: string, now?: Date): Slot | undefined => {
    if (now) dropOld(now.getTime());
    return approvalIdSchema.safeParse(id).success ? slots.get(id) : undefined;
  };
  const refuse = (reason: RefusalReason, slot?: Slot, transitioned = false): Refused => ({
    kind: 'refused',
    reason,
    ...(slot ? { record: copy(slot.record) } : {}),
    ...(transitioned ? { transitioned: true } : {}),
  });
  const retain = (slot: Slot, nowMs: number): void => {
    const lease = slot.record.leaseUntil ? Date.parse(slot.record.leaseUntil) : 0;
    slot.dropAtMs = Math.max(nowMs, Date.parse(slot.record.expiresAt), lease) + retentionMs;
  };
  const move = (
    slot: Slot,
    state: ApprovalState,
    nowMs: number,
    changes: Partial<ApprovalRecord> = {},
  ): void => {
    slot.record = { ...slot.record, ...changes, state, revision: slot.record.revision + 1 };
    retain(slot, nowMs);
  };
  /** Same gate as the Redis scripts: missing, expired, closed, or overdue (moved to expired here). */
  const pendingGate = (slot: Slot | undefined, nowMs: number): Refused | undefined => {
    if (!slot) return refuse('not_found');
    if (slot.record.state === 'expired') return refuse('expired', slot);
    if (slot.record.state !== 'pending') return refuse('closed', slot);
    if (nowMs >= Date.parse(slot.record.expiresAt)) {
      move(slot, 'expired', nowMs);
      return refuse('expired', slot, true);
    }
    return undefined;
  };
  const deadlineOf = (record: ApprovalRecord): number | undefined => {
    if (record.state === 'pending') return Date.parse(record.expiresAt);
    if (record.state === 'executing' && record.leaseUntil) return Date.parse(record.leaseUntil);
    return undefined;
  };

  return {
    async create(record) {
      const parsed = parseApprovalRecord(record, record.id);
      if (parsed.state !== 'pending' || parsed.approvals.length > 0) {
        throw new AppError('internal', 'Only a fresh pending approval can be created.', {
          details: { approvalId: parsed.id, state: parsed.state },
        });
      }
      if (slots.has(parsed.id)) {
        throw new AppError('state.conflict', 'An approval with this ID already exists.', {
          details: { approvalId: parsed.id },
        });
      }
      slots.set(parsed.id, { record: copy(parsed), dropAtMs: Date.parse(parsed.expiresAt) + retentionMs });
      return copy(parsed);
    },

    async get(id) {
      const slot = lookup(id);
      return slot ? copy(slot.record) : undefined;
    },

    async approve(id, { userId, comment, now, leaseMs }) {
      const nowMs = now.getTime();
      const slot = lookup(id, now);
      const gate = pendingGate(slot, nowMs);
      if (gate || !slot) return gate ?? refuse('not_found');
      if (slot.record.requester.userId === userId) return refuse('self_approval', slot);
      if (slot.record.approvals.some((a) => a.userId === userId)) return refuse('duplicate', slot);
      const entry = { userId, at: now.toISOString(), ...(comment === undefined ? {} : { comment }) };
      const approvals = [...slot.record.approvals, entry];
      if (approvals.length < slot.record.required) {
        slot.record = { ...slot.record, approvals, revision: slot.record.revision + 1 };
        return { kind: 'recorded', record: copy(slot.record) };
      }
      const claim = newClaimToken();
      const leaseUntil = new Date(nowMs + leaseMs).toISOString();
      move(slot, 'executing', nowMs, { approvals, leaseUntil, executor: claim });
      return { kind: 'execute', record: copy(slot.record), claim };
    },

    async reject(id, { userId, reason, now }) {
      const nowMs = now.getTime();
      const slot = lookup(id, now);
      const gate = pendingGate(slot, nowMs);
      if (gate || !slot) return gate ?? refuse('not_found');
      if (slot.record.requester.userId === userId) return refuse('self_approval', slot);
      const rejection = { userId, at: now.toISOString(), ...(reason === undefined ? {} : { reason }) };
      move(slot, 'rejected', nowMs, { rejection });
      return { kind: 'rejected', record: copy(slot.record) };
    },

    async cancel(id, { userId, now }) {
      const nowMs = now.getTime();
      const slot = lookup(id, now);
      if (!slot) return refuse('not_found');
      if (slot.record.requester.userId !== userId) return refuse('not_requester', slot);
      const gate = pendingGate(slot, nowMs);
      if (gate) return gate;
      move(slot, 'cancelled', nowMs, { cancelledAt: now.toISOString() });
      return { kind: 'cancelled', record: copy(slot.record) };
    },

    async complete(id, { claim, result, now }) {
      const slot = lookup(id, now);
      if (!slot) return refuse('not_found');
      if (slot.record.state !== 'executing') return refuse('closed', slot);
      if (slot.record.executor !== claim) return refuse('not_executor', slot);
      move(slot, result.ok ? 'executed' : 'failed', now.getTime(), { result: { ...result } });
      return { kind: 'completed', record: copy(slot.record) };
    },

    async sweep(now, limit) {
      const nowMs = now.getTime();
      dropOld(nowMs);
      const due = [...slots.values()]
        .map((slot) => ({ slot, deadline: deadlineOf(slot.record) }))
        .filter((d): d is { slot: Slot; deadline: number } => d.deadline !== undefined && d.deadline <= nowMs)
        .sort((a, b) => a.deadline - b.deadline)
        .slice(0, limit);
      for (const { slot } of due) move(slot, slot.record.state === 'pending' ? 'expired' : 'unknown', nowMs);
      return due.map(({ slot }) => copy(slot.record)).sort((a, b) => a.expiresAt.localeCompare(b.expiresAt));
    },

    async listPending({ limit, now }) {
      if (now) dropOld(now.getTime());
      return [...slots.values()]
        .map((slot) => slot.record)
        .filter((r) => r.state === 'pending' && (!now || Date.parse(r.expiresAt) > now.getTime()))
        .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
        .slice(0, limit)
        .map(copy);
    },

    async listByRequester(userId, limit) {
      return [...slots.values()]
        .map((slot) => slot.record)
        .filter((r) => r.requester.userId === userId)
        .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
        .slice(0, limit)
        .map(copy);
    },

    async close() {
      slots.clear();
    },
  };
};
