/**
 * The door to new work and a count of the work inside. Every Slack request runs through `run` while the gate is
 * open and is counted until its listeners finish, which includes the slow part after the ack (an approved action
 * running, a confirmed one). At shutdown the gate closes (new requests are turned away by the caller) and `drain`
 * waits for the requests already inside, within a grace period.
 */

import { createWaiters } from './waiters.js';

export interface WorkGate {
  /** Whether new work is accepted. */
  isOpen(): boolean;
  /** Stops accepting new work (idempotent). */
  close(): void;
  /** Runs `work`, counted until it settles. */
  run<T>(work: () => Promise<T>): Promise<T>;
  /** How many runs are in flight. */
  inFlight(): number;
  /** Resolves true once nothing is in flight, or false after `timeoutMs` with work still running. */
  drain(timeoutMs: number): Promise<boolean>;
}

export const createWorkGate = (): WorkGate => {
  let open = true;
  let running = 0;
  const idle = createWaiters();

  return {
    isOpen: () => open,
    close() {
      open = false;
    },
    async run(work) {
      running += 1;
      try {
        return await work();
      } finally {
        running -= 1;
        if (running === 0) idle.settle(true);
      }
    },
    inFlight: () => running,
    drain(timeoutMs) {
      if (running === 0) return Promise.resolve(true);
      return idle.wait(timeoutMs, () => running === 0);
    },
  };
};
