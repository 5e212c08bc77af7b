/**
 * An event can reach the outbox twice: an append that timed out on the client may still have been applied by Redis
 * when the retry buffer appends it again. The delivering replica remembers the event IDs it posted recently and
 * drops such repeats (they are acked unposted), so the audit channel shows each event once.
 */
import type { OutboxEntry } from './outbox.js';

export interface RepeatFilter {
  /** Splits a batch into entries to post and repeats (of a recent post, or of an earlier entry in the batch). */
  split(entries: readonly OutboxEntry[]): { fresh: OutboxEntry[]; repeats: OutboxEntry[] };
  /** Remembers entries that were posted. */
  posted(entries: readonly OutboxEntry[]): void;
}

export const createRepeatFilter = (remember = 1000): RepeatFilter => {
  const seen = new Set<string>();
  return {
    split(entries) {
      const fresh: OutboxEntry[] = [];
      const repeats: OutboxEntry[] = [];
      const inBatch = new Set<string>();
      for (const entry of entries) {
        const id = entry.event.id;
        if (seen.has(id) || inBatch.has(id)) repeats.push(entry);
        else {
          inBatch.add(id);
          fresh.push(entry);
        }
      }
      return { fresh, repeats };
    },
    posted(entries) {
      for (const entry of entries) {
        seen.delete(entry.event.id);
        seen.add(entry.event.id);
      }
      // A Set iterates in insertion order: the first IDs are the oldest.
      for (const id of seen) {
        if (seen.size <= remember) break;
        seen.delete(id);
      }
    },
  };
};
