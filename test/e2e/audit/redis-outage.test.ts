/**
 * No audit event lost when Redis (which holds the audit outbox) goes away during `/authgear otp`: either the action
 * is refused before any mutation, or it runs and its audit event reaches the audit channel once Redis is back.
 */
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRedisApprovalStore } from '../../../src/approvals/redis-store.js';
import { auditUnavailable } from '../../../src/audit/delivery.js';
import { createRedisOutbox } from '../../../src/audit/redis-outbox.js';
import { connectRedis, waitUntilReady } from '../../../src/redis/client.js';
import { CHANNELS, PEOPLE, startTestApp, type TestApp } from '../../support/app.js';
import { auditLinesIn } from '../../support/audit.js';
import { type PrivateRedis, startPrivateRedis } from '../../support/redis.js';
import { waitFor } from '../../support/wait.js';
import { confirmValueOf, finalResponse } from '../account/flow.js';

type Json = Record<string, unknown>;

let redis: PrivateRedis;
let client: Redis;
let t: TestApp;

beforeAll(async () => {
  redis = await startPrivateRedis({ persistence: true });
  client = connectRedis(redis.url);
  await waitUntilReady(client, 5000);
  t = await startTestApp({
    deps: {
      redis: client,
      auditOutbox: createRedisOutbox({ redis: client, prefix: redis.prefix }),
      approvals: { store: createRedisApprovalStore({ redis: client, prefix: redis.prefix }) },
    },
  });
});
afterAll(async () => {
  await t.stop();
  client.disconnect();
  await redis.stop();
});

const auditLines = (): string[] => auditLinesIn(t.slack, CHANNELS.audit);

const otpMutations = () => t.authgear.requests.filter((r) => r.operationName === 'GenerateOOBOTPCode');

/** `/authgear otp <email>` as support: the confirmation, not yet confirmed. */
const askOtp = async (email: string): Promise<Json> => {
  t.authgear.store.addUser({ email });
  const cmd = await t.driver.slashCommand({ userId: PEOPLE.support, text: `otp ${email}` });
  return t.response(cmd.responseUrlId);
};

const clickConfirm = (confirmation: Json) =>
  t.driver.blockAction({
    userId: PEOPLE.support,
    actionId: 'confirm_action',
    blockId: 'confirm',
    value: confirmValueOf(confirmation),
  });

/** `authgear_slack_audit_buffered_events` from /metrics. */
const bufferedGauge = async (): Promise<number> => {
  const text = await (await fetch(new URL('/metrics', t.url))).text();
  const line = text.split('\n').find((l) => l.startsWith('authgear_slack_audit_buffered_events '));
  return Number(line?.split(' ')[1]);
};

const backUp = async (): Promise<void> => {
  await redis.restart();
  await waitUntilReady(client, 10_000);
};

describe('a Redis outage during otp', () => {
  it('refuses before any mutation when the executing event cannot be queued, and audits the refusal once Redis is back', async () => {
    const email = 'otp-refused@example.com';
    const confirmation = await askOtp(email);
    const before = otpMutations().length;
    await redis.kill();
    try {
      const click = await clickConfirm(confirmation);
      const answer = await finalResponse(t, click.responseUrlId);
      expect(String(answer.text)).toBe(auditUnavailable(undefined).userMessage);
      expect(otpMutations()).toHaveLength(before);
    } finally {
      await backUp();
    }
    const failed = await waitFor(
      () => auditLines().find((l) => l.includes('*failed*') && l.includes(email)),
      { timeoutMs: 15_000, message: 'the failed event in the audit channel' },
    );
    expect(failed).toContain('audit.unavailable');
    expect(auditLines().filter((l) => l.includes(email) && l.includes('*executed*'))).toEqual([]);
  });

  it('runs when Redis leaves during the mutation, and delivers the executed event after Redis returns', async () => {
    const email = 'otp-during@example.com';
    const confirmation = await askOtp(email);
    const before = otpMutations().length;
    // Hold Authgear right after the bot read the target: the next request, the mutation, waits.
    let held: ReturnType<TestApp['authgear']['hold']> | undefined;
    const off = t.authgear.onAnswered((r) => {
      if (r.operationName === 'GetUserNode' && held === undefined) held = t.authgear.hold();
    });
    const click = await clickConfirm(confirmation);
    const mutation = await waitFor(() => (held && held.waiting() > 0 ? held : undefined), {
      message: 'the mutation waiting on Authgear',
    });
    off();
    await redis.kill();
    try {
      mutation.release();
      const answer = await finalResponse(t, click.responseUrlId);
      expect(String(answer.text)).not.toBe(auditUnavailable(undefined).userMessage);
      expect(otpMutations()).toHaveLength(before + 1);
      expect(auditLines().filter((l) => l.includes(email) && l.includes('*executed*'))).toEqual([]);
      expect(await bufferedGauge()).toBe(1); // the executed event waits in memory, visible to a service owner
    } finally {
      await backUp();
    }
    await waitFor(() => auditLines().some((l) => l.includes(email) && l.includes('*executed*')), {
      timeoutMs: 15_000,
      message: 'the executed event in the audit channel',
    });
    const mine = auditLines().filter((l) => l.includes(email));
    expect(mine.filter((l) => l.includes('*executing*'))).toHaveLength(1);
    expect(mine.filter((l) => l.includes('*executed*'))).toHaveLength(1);
    expect(mine.some((l) => l.includes('*failed*'))).toBe(false);
    expect(await bufferedGauge()).toBe(0);
  });
});
