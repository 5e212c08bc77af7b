/**
 * The loop that runs the grant schedule on every replica: it sleeps until the next work is due (at most `pollMs`, so
 * grants made on other replicas are seen), runs everything due, and looks again at once after doing work. Safe on
 * every replica: the store hands each assignment's work to one claim.
 */
import { type AppLogger, errorFields } from '../logger.js';
import type { GrantWorker } from './worker.js';

export interface GrantSchedulerOptions {
  readonly logger: AppLogger;
  readonly now: () => Date;
  /** The longest sleep between passes (default 1000 ms). */
  readonly pollMs?: number;
}

export interface GrantScheduler {
  start(): void;
  /** Stops after the pass in flight (its revokes are recorded before this resolves). */
  stop(): Promise<void>;
}

export const createGrantScheduler = (
  worker: Pick<GrantWorker, 'runDue'>,
  { logger, now, pollMs = 1000 }: GrantSchedulerOptions,
): GrantScheduler => {
  let running = false;
  let loop: Promise<void> | undefined;
  let timer: NodeJS.Timeout | undefined;
  let wake: (() => void) | undefined;

  const sleep = (ms: number): Promise<void> =>
    new Promise((resolve) => {
      wake = resolve;
      timer = setTimeout(resolve, ms);
    });

  const run = async (): Promise<void> => {
    while (running) {
      let delay = pollMs;
      try {
        const { ran, nextAtMs } = await worker.runDue();
        if (ran > 0)
          delay = 0; // doing work may have made more due: look again at once
        else if (nextAtMs !== undefined) delay = Math.min(pollMs, Math.max(0, nextAtMs - now().getTime()));
      } catch (e) {
        logger.warn(errorFields(e), 'grant schedule pass failed; will retry');
      }
      if (running) await sleep(delay);
    }
  };

  return {
    start() {
      if (running) return;
      running = true;
      loop = (loop ?? Promise.resolve()).then(run);
    },
    async stop() {
      running = false;
      if (timer) clearTimeout(timer);
      wake?.();
      await loop;
    },
  };
};
