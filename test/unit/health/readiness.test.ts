import { describe, expect, it } from 'vitest';
import { createReadiness, type DependencyCheck } from '../../../src/health/readiness.js';

const counting = (name: DependencyCheck['name'], outcomes: Array<'ok' | 'fail' | 'hang'>, once = false) => {
  let calls = 0;
  const check: DependencyCheck = {
    name,
    once,
    probe: () => {
      const outcome = outcomes[Math.min(calls, outcomes.length - 1)];
      calls += 1;
      if (outcome === 'fail') return Promise.reject(new Error(`${name} refused`));
      if (outcome === 'hang') return new Promise<void>(() => undefined);
      return Promise.resolve();
    },
  };
  return { check, calls: () => calls };
};

describe('createReadiness', () => {
  it('names every failed dependency with its reason', async () => {
    const r = createReadiness({
      checks: [
        counting('redis', ['fail']).check,
        counting('slack', ['ok']).check,
        counting('authgear', ['fail']).check,
      ],
      cacheMs: 0,
    });
    const report = await r.report();
    expect(report.ready).toBe(false);
    expect(report.failed).toEqual(['redis', 'authgear']);
    expect(report.checks.redis).toEqual({ ok: false, error: 'redis refused' });
    expect(report.checks.slack).toEqual({ ok: true });
  });

  it('counts a probe that does not answer in time as failed', async () => {
    const r = createReadiness({ checks: [counting('authgear', ['hang']).check], cacheMs: 0, timeoutMs: 20 });
    expect((await r.report()).checks.authgear).toEqual({ ok: false, error: 'no answer within 20 ms' });
  });

  it('reuses a report within the cache window and asks again after it', async () => {
    let clock = 0;
    const probe = counting('authgear', ['ok']);
    const r = createReadiness({ checks: [probe.check], cacheMs: 5000, now: () => clock });
    await Promise.all([r.report(), r.report()]);
    clock = 4999;
    await r.report();
    expect(probe.calls()).toBe(1);
    clock = 5000;
    await r.report();
    expect(probe.calls()).toBe(2);
  });

  it('reuses a failed report for at most a second, so recovery shows soon', async () => {
    let clock = 0;
    const probe = counting('redis', ['fail', 'ok']);
    const r = createReadiness({ checks: [probe.check], cacheMs: 5000, now: () => clock });
    expect((await r.report()).ready).toBe(false);
    clock = 999;
    expect((await r.report()).ready).toBe(false);
    clock = 1000;
    expect((await r.report()).ready).toBe(true);
    clock = 5999;
    expect((await r.report()).ready).toBe(true);
    expect(probe.calls()).toBe(2);
  });

  it('repeats a once-check only until it succeeds', async () => {
    const slack = counting('slack', ['fail', 'ok', 'fail'], true);
    const r = createReadiness({ checks: [slack.check], cacheMs: 0 });
    expect((await r.report()).ready).toBe(false);
    expect((await r.report()).ready).toBe(true);
    expect((await r.report()).ready).toBe(true);
    expect(slack.calls()).toBe(2);
  });

  it('is not ready once shutting down, whatever the dependencies say', async () => {
    const r = createReadiness({ checks: [counting('authgear', ['ok']).check], cacheMs: 0 });
    r.markShuttingDown();
    expect(await r.report()).toMatchObject({ ready: false, shuttingDown: true, failed: [] });
    expect(r.isShuttingDown()).toBe(true);
  });

  it('answers at once while shutting down, without asking a dependency that hangs', async () => {
    const authgear = counting('authgear', ['ok', 'hang']);
    const r = createReadiness({ checks: [authgear.check], cacheMs: 0, timeoutMs: 3_600_000 });
    expect((await r.report()).ready).toBe(true);
    r.markShuttingDown();
    expect(await r.report()).toMatchObject({
      ready: false,
      shuttingDown: true,
      checks: { authgear: { ok: true } },
    });
    expect(authgear.calls()).toBe(1);
  });
});
