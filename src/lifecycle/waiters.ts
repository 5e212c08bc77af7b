/**
 * Callers waiting, each with its own time limit, for a loop or a count to reach a state ("empty", "idle"): the
 * owner settles them all at once with an answer, and a caller whose limit passes first gets `onTimeout()` instead.
 */
export interface Waiters {
  /** Resolves with what `settle` passes, or with `onTimeout()` after `timeoutMs`. */
  wait(timeoutMs: number, onTimeout: () => boolean): Promise<boolean>;
  /** Answers every caller waiting now. */
  settle(answer: boolean): void;
}

export const createWaiters = (): Waiters => {
  let waiting: Array<(answer: boolean) => void> = [];
  return {
    wait: (timeoutMs, onTimeout) =>
      new Promise<boolean>((resolve) => {
        const done = (answer: boolean): void => {
          clearTimeout(timer);
          resolve(answer);
        };
        const timer = setTimeout(() => {
          waiting = waiting.filter((w) => w !== done);
          resolve(onTimeout());
        }, timeoutMs);
        waiting.push(done);
      }),
    settle(answer) {
      const now = waiting;
      waiting = [];
      for (const w of now) w(answer);
    },
  };
};
