import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectRedis } from '../../../src/redis/client.js';
import { PEOPLE, startTestApp, type TestApp } from '../../support/app.js';
import { type PrivateRedis, startPrivateRedis } from '../../support/redis.js';
import { runConfirmed } from '../account/flow.js';

const get = async (t: TestApp, path: string) => {
  const res = await fetch(new URL(path, t.url));
  const text = await res.text();
  return {
    status: res.status,
    text,
    json: res.headers.get('content-type')?.includes('json') ? JSON.parse(text) : undefined,
  };
};

/** The value of one Prometheus series (`name{labels}`), 0 when absent. */
const sample = (metrics: string, series: string): number => {
  const line = metrics.split('\n').find((l) => l.startsWith(`${series} `));
  return line ? Number(line.slice(series.length + 1)) : 0;
};

describe('health and readiness over HTTP', () => {
  let redis: PrivateRedis;
  let t: TestApp;
  beforeAll(async () => {
    redis = await startPrivateRedis();
    const client = connectRedis(redis.url);
    t = await startTestApp({ deps: { redis: client, readiness: { cacheMs: 0, timeoutMs: 1000 } } });
  });
  afterAll(async () => {
    await t.stop();
    await redis.stop();
  });

  it('answers /healthz without touching any dependency', async () => {
    const before = t.authgear.requests.length;
    const res = await get(t, '/healthz');
    expect(res).toMatchObject({ status: 200, json: { status: 'ok' } });
    expect(t.authgear.requests.length).toBe(before);
  });

  it('is ready when Redis, Slack auth.test and an Admin API query all answer', async () => {
    const res = await get(t, '/readyz');
    expect(res.status).toBe(200);
    expect(res.json).toEqual({
      status: 'ready',
      checks: { redis: { ok: true }, slack: { ok: true }, authgear: { ok: true } },
    });
    expect(t.slack.callsTo('auth.test').length).toBeGreaterThan(0);
    expect(t.authgear.requests.at(-1)?.operationName).toBe('HealthProbe');
  });

  it('answers 503 naming Authgear when the Admin API is down, and recovers', async () => {
    t.authgear.failNext({ kind: 'http', status: 503 });
    const down = await get(t, '/readyz');
    expect(down.status).toBe(503);
    expect(down.json.status).toBe('not ready: authgear');
    expect(down.json.checks.authgear.ok).toBe(false);
    expect(down.json.checks.redis).toEqual({ ok: true });
    expect((await get(t, '/readyz')).status).toBe(200);
  });

  it('asks Slack auth.test only until it has succeeded once', async () => {
    const calls = t.slack.callsTo('auth.test').length;
    await get(t, '/readyz');
    await get(t, '/readyz');
    expect(t.slack.callsTo('auth.test').length).toBe(calls);
  });

  it('answers 503 naming Redis while Redis is down', async () => {
    await redis.kill();
    try {
      const res = await get(t, '/readyz');
      expect(res.status).toBe(503);
      expect(res.json.status).toBe('not ready: redis');
    } finally {
      await redis.restart();
    }
  });

  it('keeps /healthz at 200 and turns /readyz to 503 once shutdown begins', async () => {
    const other = await startTestApp();
    try {
      expect((await get(other, '/readyz')).status).toBe(200);
      other.built.markShuttingDown();
      const res = await get(other, '/readyz');
      expect(res.status).toBe(503);
      expect(res.json.status).toBe('shutting down');
      expect((await get(other, '/healthz')).status).toBe(200);
    } finally {
      await other.stop();
    }
  });
});

describe('readiness cache', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ deps: { readiness: { cacheMs: 60_000 } } });
  });
  afterAll(async () => t.stop());

  it('asks Authgear once for several probes within the cache window', async () => {
    const probes = () => t.authgear.requests.filter((r) => r.operationName === 'HealthProbe').length;
    await Promise.all([get(t, '/readyz'), get(t, '/readyz'), get(t, '/readyz')]);
    await get(t, '/readyz');
    expect(probes()).toBe(1);
  });
});

describe('/metrics', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => t.stop());

  it('serves Prometheus text with the default Node metrics', async () => {
    const res = await get(t, '/metrics');
    expect(res.status).toBe(200);
    expect(res.text).toContain('# TYPE authgear_slack_ack_seconds histogram');
    expect(res.text).toContain('process_resident_memory_bytes');
    expect(res.text).toContain('nodejs_eventloop_lag_seconds');
  });

  it('moves ack, action, Admin API and outbox series after commands', async () => {
    const before = (await get(t, '/metrics')).text;
    t.authgear.store.addUser({ email: 'metrics1@example.com' });
    await runConfirmed(t, PEOPLE.support, 'disable metrics1@example.com testing metrics');
    await t.driver.slashCommand({ userId: PEOPLE.viewer, text: 'user nobody-here@example.com' });
    const after = (await get(t, '/metrics')).text;
    const moved = (series: string) => sample(after, series) - sample(before, series);
    expect(moved('authgear_slack_ack_seconds_count{kind="command"}')).toBe(2);
    expect(moved('authgear_slack_ack_seconds_count{kind="action"}')).toBe(1);
    expect(moved('authgear_slack_actions_total{action="user.disable",outcome="executed"}')).toBe(1);
    expect(moved('authgear_slack_admin_api_seconds_count{operation="SetDisabledStatus"}')).toBe(1);
    expect(after).toMatch(/authgear_slack_audit_outbox_depth \d+/);
    expect(after).toMatch(/authgear_slack_audit_outbox_oldest_age_seconds \d/);
  });

  it('counts Slack 429s and errors by method', async () => {
    const before = (await get(t, '/metrics')).text;
    t.slack.failNext('users.lookupByEmail', { times: 1, error: 'fatal_error' });
    t.slack.rateLimit('chat.postMessage', { times: 1, retryAfterSeconds: 0 });
    await t.built.app.client.users.lookupByEmail({ email: 'x@example.com' }).catch(() => undefined);
    await t.built.app.client.chat.postMessage({ channel: 'C0GENERAL', text: 'hi' });
    const after = (await get(t, '/metrics')).text;
    const moved = (series: string) => sample(after, series) - sample(before, series);
    expect(moved('authgear_slack_slack_errors_total{method="users.lookupByEmail",error="fatal_error"}')).toBe(
      1,
    );
    expect(moved('authgear_slack_slack_rate_limited_total{method="chat.postMessage"}')).toBe(1);
  });

  it('counts Admin API errors by operation and code', async () => {
    const before = (await get(t, '/metrics')).text;
    t.authgear.failNext({ kind: 'network' });
    const res = await t.driver.slashCommand({ userId: PEOPLE.viewer, text: 'user someone@example.com' });
    expect(JSON.stringify(await t.response(res.responseUrlId))).toContain('reach Authgear');
    const after = (await get(t, '/metrics')).text;
    const series =
      'authgear_slack_admin_api_errors_total{operation="GetUsersByStandardAttribute",code="authgear.unavailable"}';
    expect(sample(after, series) - sample(before, series)).toBe(1);
  });
});
