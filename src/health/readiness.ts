/**
 * `/readyz`: is this replica fit to take traffic? Redis answers, Slack `auth.test` has succeeded (once is enough:
 * the token does not change while running), and Authgear answers a cheap query, each within a bounded time. The
 * whole report is cached for a few seconds so a busy probe cannot load the dependencies. Shutting down → not ready.
 */

export type DependencyName = 'redis' | 'slack' | 'authgear';

export interface DependencyCheck {
  readonly name: DependencyName;
  /** Resolves when the dependency is fine; rejects (with a short, secret-free reason) when not. */
  readonly probe: () => Promise<void>;
  /** Once the probe succeeded, it is not repeated (Slack auth.test at start). */
  readonly once?: boolean;
}

export interface ReadinessReport {
  readonly ready: boolean;
  readonly shuttingDown: boolean;
  readonly checks: Readonly<Partial<Record<DependencyName, { ok: true } | { ok: false; error: string }>>>;
  /** Names of the failed dependencies, for the one-line answer. */
  readonly failed: readonly DependencyName[];
}

export interface Readiness {
  report(): Promise<ReadinessReport>;
  markShuttingDown(): void;
  isShuttingDown(): boolean;
}

export interface ReadinessOptions {
  readonly checks: readonly DependencyCheck[];
  /** How long a probe may take before it counts as failed (default 2000 ms). */
  readonly timeoutMs?: number;
  /** How long a report is reused (default 5000 ms; a failed one at most 1000 ms, so recovery shows soon). */
  readonly cacheMs?: number;
  readonly now?: () => number;
}

const withTimeout = async (work: Promise<void>, ms: number): Promise<void> => {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  try {
    await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
};

const reasonOf = (error: unknown): string =>
  error instanceof Error && error.message !== '' ? error.message.slice(0, 200) : 'failed';

export const createReadiness = (options: ReadinessOptions): Readiness => {
  const timeoutMs = options.timeoutMs ?? 2000;
  const cacheMs = options.cacheMs ?? 5000;
  const now = options.now ?? Date.now;
  const succeededOnce = new Set<DependencyName>();
  let shuttingDown = false;
  interface Entry {
    readonly at: number;
    readonly report: Promise<ReadinessReport>;
    ready?: boolean;
  }
  let cached: Entry | undefined;
  const isFresh = (entry: Entry): boolean =>
    now() - entry.at < (entry.ready === false ? Math.min(cacheMs, 1000) : cacheMs);
  const run = async (): Promise<ReadinessReport> => {
    const results = await Promise.all(
      options.checks.map(async (check) => {
        if (check.once && succeededOnce.has(check.name)) return [check.name, { ok: true }] as const;
        try {
          await withTimeout(check.probe(), timeoutMs);
          succeededOnce.add(check.name);
          return [check.name, { ok: true }] as const;
        } catch (error) {
          return [check.name, { ok: false, error: reasonOf(error) }] as const;
        }
      }),
    );
    const failed = results.filter(([, r]) => !r.ok).map(([name]) => name);
    return { ready: failed.length === 0, shuttingDown: false, checks: Object.fromEntries(results), failed };
  };

  const refresh = (): Entry => {
    const entry: Entry = { at: now(), report: run() };
    void entry.report.then((r) => {
      entry.ready = r.ready;
    });
    cached = entry;
    return entry;
  };

  return {
    async report() {
      // Shutting down: answer 503 at once, without asking the dependencies again.
      if (shuttingDown && cached === undefined)
        return { ready: false, shuttingDown: true, checks: {}, failed: [] };
      if (shuttingDown && cached) return { ...(await cached.report), ready: false, shuttingDown: true };
      const entry = cached && isFresh(cached) ? cached : refresh();
      const report = await entry.report;
      return shuttingDown ? { ...report, ready: false, shuttingDown: true } : report;
    },
    markShuttingDown() {
      shuttingDown = true;
    },
    isShuttingDown: () => shuttingDown,
  };
};
