/** No unaudited change: an action's mutation runs only after its "executing" audit event was accepted. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createExecution } from '../../../../src/actions/execute.js';
import { auditUnavailable } from '../../../../src/audit/delivery.js';
import type { AuditEvent, AuditSink } from '../../../../src/audit/event.js';
import { isAppError } from '../../../../src/errors.js';
import { createUserResolver } from '../../../../src/users/resolve.js';
import { type ActionHarness, actionByKey, NOW, startHarness, uniqueEmail } from './harness.js';

let h: ActionHarness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.close();
});

const actor = { userId: 'U0SUPPORT', name: 'sam', roles: ['support'] };
const mutationCount = () => h.fake.requests.filter((r) => r.query.trimStart().startsWith('mutation')).length;

/** A sink that notes each event with how many mutations Authgear had received when it arrived. */
const recordingSink = (acceptWorks: boolean) => {
  const seen: Array<{ how: 'accept' | 'record'; event: AuditEvent; mutationsBefore: number }> = [];
  const sink: AuditSink = {
    record: async (event) => {
      seen.push({ how: 'record', event, mutationsBefore: mutationCount() });
    },
    accept: async (event) => {
      if (!acceptWorks) throw auditUnavailable(new Error('outbox down'));
      seen.push({ how: 'accept', event, mutationsBefore: mutationCount() });
    },
  };
  return { sink, seen };
};

const run = async (sink: AuditSink) => {
  const { nodeId } = h.seed({ email: uniqueEmail() });
  const user = await h.load(nodeId);
  const execution = createExecution({
    api: h.api,
    users: createUserResolver(h.api, { emailOf: async () => undefined }),
    audit: sink,
    now: () => NOW,
  });
  const def = actionByKey('disable');
  const input = def.input.parse({ userId: nodeId, reason: 'audit first' }) as Record<string, unknown>;
  return execution.execute(actor, def, input, undefined, { user });
};

describe('audit before a mutation', () => {
  it('accepts the executing event before the mutation, then records executed after it', async () => {
    const { sink, seen } = recordingSink(true);
    const before = mutationCount();
    await run(sink);
    expect(mutationCount()).toBe(before + 1);
    expect(seen.map((s) => [s.how, s.event.type, s.mutationsBefore - before])).toEqual([
      ['accept', 'executing', 0],
      ['record', 'executed', 1],
    ]);
    expect(seen[0]?.event.target).toEqual(seen[1]?.event.target);
    // The reason the person gave is the event's reason, said once (not again inside the summary).
    expect(seen.map((s) => s.event.reason)).toEqual(['audit first', 'audit first']);
    expect(seen[1]?.event.summary).not.toContain('audit first');
  });

  it('refuses with audit.unavailable and sends no mutation when the executing event cannot be queued', async () => {
    const { sink, seen } = recordingSink(false);
    const before = mutationCount();
    const thrown = await run(sink).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(isAppError(thrown) && thrown.code).toBe('audit.unavailable');
    expect(mutationCount()).toBe(before);
    expect(seen.map((s) => [s.how, s.event.type, s.event.errorCode])).toEqual([
      ['record', 'failed', 'audit.unavailable'],
    ]);
  });
});
