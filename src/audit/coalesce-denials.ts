/**
 * Denied attempts must not flood the audit channel (a script, or someone clicking a refused button again and again).
 * A decorator at the audit seam: the first denial of a kind (same actor, action and refusal code) within a window
 * passes at once, never delayed or lost; the repeats within the window are counted, and when the window ends one
 * event says how many there were (`repeated`). Every other event passes untouched.
 */
import { randomUUID } from 'node:crypto';
import { type AuditEvent, type AuditSink, acceptAudit } from './event.js';

/** How long repeats of one denial are counted before they are reported together. */
export const DENIAL_WINDOW_MS = 60_000;

interface Window {
  readonly start: number;
  count: number;
  last: AuditEvent;
  cancel: () => void;
}

export interface DenialCoalescer extends AuditSink {
  /** Reports every open window's repeats now (shutdown), so no count is lost. */
  flush(): Promise<void>;
}

const keyOf = (e: AuditEvent): string =>
  JSON.stringify([e.actor.userId, e.action, e.errorCode ?? e.reason ?? ''] as const);

export const coalesceDenials = (
  sink: AuditSink,
  options: {
    readonly now?: () => number;
    readonly windowMs?: number;
    /** Runs `fn` after `ms` (default an unref'd setTimeout); returns a cancel function. */
    readonly schedule?: (fn: () => void, ms: number) => () => void;
  } = {},
): DenialCoalescer => {
  const now = options.now ?? Date.now;
  const windowMs = options.windowMs ?? DENIAL_WINDOW_MS;
  const schedule =
    options.schedule ??
    ((fn: () => void, ms: number) => {
      const timer = setTimeout(fn, ms);
      timer.unref();
      return () => clearTimeout(timer);
    });
  const windows = new Map<string, Window>();

  /** Ends a window: one event with the count of its repeats (none when there were none). */
  const close = async (key: string, w: Window): Promise<void> => {
    if (windows.get(key) === w) windows.delete(key);
    w.cancel();
    if (w.count === 0) return;
    await sink.record({ ...w.last, id: randomUUID(), at: new Date(now()).toISOString(), repeated: w.count });
  };

  /** Whether `event` is a repeat, counted instead of passed on (closing an old window first). */
  const counted = async (event: AuditEvent): Promise<boolean> => {
    if (event.type !== 'denied') return false;
    const key = keyOf(event);
    const open = windows.get(key);
    if (open && now() - open.start < windowMs) {
      open.count += 1;
      open.last = event;
      return true;
    }
    if (open) await close(key, open);
    const w: Window = { start: now(), count: 0, last: event, cancel: () => undefined };
    w.cancel = schedule(() => void close(key, w), windowMs);
    windows.set(key, w);
    return false;
  };

  return {
    async record(event) {
      if (!(await counted(event))) await sink.record(event);
    },
    async accept(event) {
      if (!(await counted(event))) await acceptAudit(sink, event);
    },
    async flush() {
      for (const [key, w] of [...windows]) await close(key, w);
    },
  };
};
