/** Expires overdue approvals on an interval. Safe on every replica: the store hands each record to one sweeper. */
import { type AppLogger, errorFields } from '../logger.js';
import type { ApprovalService } from './service.js';

/** One sweep: overdue pending → expired, stuck executing → unknown (cards, DMs and audit lines included). */
export const sweepApprovals = (service: Pick<ApprovalService, 'sweep'>): Promise<number> => service.sweep();

export const createSweeper = (
  service: Pick<ApprovalService, 'sweep'>,
  { intervalMs = 30_000, logger }: { intervalMs?: number; logger: AppLogger },
) => {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> | undefined;
  const tick = (): void => {
    if (running) return;
    running = sweepApprovals(service)
      .catch((e: unknown) => logger.warn(errorFields(e), 'approval sweep failed'))
      .finally(() => {
        running = undefined;
      });
  };
  return {
    start(): void {
      if (timer) return;
      timer = setInterval(tick, intervalMs);
      timer.unref();
    },
    /** Stops the interval and waits for a sweep in progress. */
    async stop(): Promise<void> {
      if (timer) clearInterval(timer);
      timer = undefined;
      await running;
    },
  };
};
