/**
 * In-memory `ConfirmationStore` with the Redis store's semantics (the contract tests run against both). Single
 * process only: each method runs to completion synchronously, which makes the claim atomic.
 */
import { type ConfirmationOutcome, type ConfirmationRecord, confirmationIdSchema } from './record.js';
import { CONFIRMATION_KEEP_MS, type ConfirmationStore } from './store.js';

interface Slot {
  readonly record: ConfirmationRecord;
  state: 'pending' | 'running' | 'done';
  leaseUntilMs?: number;
  outcome?: ConfirmationOutcome;
  /** Epoch ms after which the slot is gone (like a Redis key TTL). */
  dropAtMs: number;
}

export const createMemoryConfirmationStore = ({
  keepMs = CONFIRMATION_KEEP_MS,
}: {
  keepMs?: number;
} = {}): ConfirmationStore => {
  const slots = new Map<string, Slot>();
  const live = (id: string, nowMs: number): Slot | undefined => {
    for (const [key, slot] of slots) if (slot.dropAtMs <= nowMs) slots.delete(key);
    return confirmationIdSchema.safeParse(id).success ? slots.get(id) : undefined;
  };
  const copy = (record: ConfirmationRecord): ConfirmationRecord => structuredClone(record);
  /**
   * What a claim and a cancel share (take.lua in Redis): only the person it was shown to may take a pending
   * confirmation; a done, running or expired one is reported as it is, and `onPending` moves a pending one on.
   */
  const take = <K extends 'claimed' | 'cancelled'>(
    id: string,
    userId: string,
    now: Date,
    onPending: (slot: Slot, nowMs: number) => K,
  ) => {
    const nowMs = now.getTime();
    const slot = live(id, nowMs);
    if (!slot) return { kind: 'expired' as const };
    const record = copy(slot.record);
    if (record.actor.userId !== userId) return { kind: 'not_yours' as const, record };
    if (slot.state === 'done' && slot.outcome)
      return { kind: 'done' as const, record, outcome: { ...slot.outcome } };
    if (slot.state === 'running')
      return { kind: 'running' as const, record, stalled: nowMs >= (slot.leaseUntilMs ?? 0) };
    return { kind: onPending(slot, nowMs), record };
  };

  return {
    async create(record) {
      slots.set(record.id, {
        record: copy(record),
        state: 'pending',
        dropAtMs: Date.parse(record.expiresAt),
      });
    },

    async claim(id, { userId, now, leaseMs }) {
      return take(id, userId, now, (slot, nowMs) => {
        slot.state = 'running';
        slot.leaseUntilMs = nowMs + leaseMs;
        slot.dropAtMs = slot.leaseUntilMs + keepMs;
        return 'claimed';
      });
    },

    async cancel(id, { userId, now }) {
      return take(id, userId, now, (slot, nowMs) => {
        slot.state = 'done';
        slot.outcome = { result: 'cancelled', at: now.toISOString() };
        slot.dropAtMs = nowMs + keepMs;
        return 'cancelled';
      });
    },

    async finish(id, { outcome, now }) {
      const slot = live(id, now.getTime());
      if (slot?.state !== 'running') return false;
      slot.state = 'done';
      slot.outcome = { ...outcome };
      slot.dropAtMs = now.getTime() + keepMs;
      return true;
    },

    async close() {
      slots.clear();
    },
  };
};
