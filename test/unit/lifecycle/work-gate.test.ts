import { describe, expect, it } from 'vitest';
import { createWorkGate } from '../../../src/lifecycle/work-gate.js';

/** A promise and the function that settles it. */
const deferred = () => {
  let resolve: () => void = () => undefined;
  const promise = new Promise<void>((r) => {
    resolve = r;
  });
  return { promise, resolve };
};

describe('work gate', () => {
  it('counts runs until they settle, failed ones included', async () => {
    const gate = createWorkGate();
    const a = deferred();
    const first = gate.run(() => a.promise);
    const second = gate.run(async () => {
      throw new Error('boom');
    });
    expect(gate.inFlight()).toBe(2);
    await expect(second).rejects.toThrow('boom');
    expect(gate.inFlight()).toBe(1);
    a.resolve();
    await first;
    expect(gate.inFlight()).toBe(0);
  });

  it('drains once the last run settles, and says false when the time is up first', async () => {
    const gate = createWorkGate();
    const slow = deferred();
    const run = gate.run(() => slow.promise);
    gate.close();
    expect(gate.isOpen()).toBe(false);
    expect(await gate.drain(10)).toBe(false);
    const drained = gate.drain(60_000);
    slow.resolve();
    await run;
    expect(await drained).toBe(true);
    expect(await gate.drain(0)).toBe(true);
  });
});
