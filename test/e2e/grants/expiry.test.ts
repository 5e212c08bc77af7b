/**
 * Time-boxed grants end exactly once: with three replicas running, across a restart of the only replica, and when
 * Authgear is down at expiry (retried until done). Every replica has its own connection to one Redis.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  AddUserToRolesDocument,
  RemoveUserFromRolesDocument,
} from '../../../src/authgear/documents/operations.generated.js';
import { PEOPLE } from '../../support/app.js';
import { type PrivateRedis, startPrivateRedis, uniquePrefix } from '../../support/redis.js';
import { waitFor } from '../../support/wait.js';
import {
  freshUserAndRole,
  type GrantCluster,
  grantEvents,
  grantPolicy,
  liveGrants,
  removals,
  run,
  slash,
  sleep,
  startGrantCluster,
} from './harness.js';

const text = (v: unknown): string => JSON.stringify(v);

let redis: PrivateRedis;
let c: GrantCluster | undefined;

beforeAll(async () => {
  redis = await startPrivateRedis();
});
afterEach(async () => {
  await c?.stop();
  c = undefined;
});
afterAll(async () => redis.stop());

const cluster = async (instances: number, backoffMs?: (attempt: number) => number) => {
  c = await startGrantCluster({
    policy: grantPolicy(),
    instances,
    redis: { url: redis.url, prefix: uniquePrefix() },
    ...(backoffMs ? { backoffMs } : {}),
  });
  return c;
};

describe('grant expiry', () => {
  it('revokes a 2 s grant once, with 3 replicas running', async () => {
    const g = await cluster(3);
    const alice = freshUserAndRole(g, 'alice2s');
    const answer = await run(
      g,
      PEOPLE.support,
      `grant ${alice.email} role:${alice.roleKey} for 2s on call`,
      1,
    );
    expect(text(answer)).toContain('Granted role');
    expect(alice.holds()).toBe(true);
    await waitFor(() => !alice.holds(), { timeoutMs: 8000, message: 'the role to be taken back' });
    await waitFor(() => grantEvents(g, alice.email, 'expired').length > 0);
    await sleep(1000); // every replica's loop has run several passes since
    expect(removals(g, alice.roleKey)).toHaveLength(1);
    expect(grantEvents(g, alice.email, 'expired')).toHaveLength(1);
    // The exact documents and variables Authgear received: one add at the grant, one remove at the end.
    const sent = g.fakes.authgear.requests.filter((r) => JSON.stringify(r.variables).includes(alice.roleKey));
    expect(sent.map((r) => [r.operationName, r.query, r.variables])).toEqual([
      [
        'AddUserToRoles',
        AddUserToRolesDocument.text,
        { input: { userID: alice.nodeId, roleKeys: [alice.roleKey] } },
      ],
      [
        'RemoveUserFromRoles',
        RemoveUserFromRolesDocument.text,
        { input: { userID: alice.nodeId, roleKeys: [alice.roleKey] } },
      ],
    ]);
    expect(grantEvents(g, alice.email, 'executed').map((e) => e.actionKey)).toEqual(['grant']);
    expect(await liveGrants(g, alice.nodeId)).toEqual([]);
  });

  it('revokes a grant that expired while the only bot was stopped, after it starts again', async () => {
    const g = await cluster(1);
    const bob = freshUserAndRole(g, 'bobdown');
    await run(g, PEOPLE.support, `grant ${bob.email} role:${bob.roleKey} for 1h`);
    expect(bob.holds()).toBe(true);
    await g.stopInstance(0);
    g.advance(2 * 3_600_000);
    await sleep(300);
    expect(bob.holds()).toBe(true);
    expect(removals(g, bob.roleKey)).toHaveLength(0);
    await g.addInstance();
    await waitFor(() => !bob.holds(), { message: 'the restarted bot to take the role back' });
    await waitFor(() => grantEvents(g, bob.email, 'expired').length > 0);
    expect(removals(g, bob.roleKey)).toHaveLength(1);
    expect(grantEvents(g, bob.email, 'expired')[0]?.summary).toContain('expired after 1h; access taken back');
  });

  it('retries a revoke while Authgear is down at expiry, shows it overdue, then finishes it', async () => {
    const g = await cluster(1, () => 400);
    const cara = freshUserAndRole(g, 'caradown');
    await run(g, PEOPLE.support, `grant ${cara.email} role:${cara.roleKey} for 1h`);
    for (let i = 0; i < 3; i += 1) g.fakes.authgear.failNext({ kind: 'network' });
    g.advance(3_600_000);
    const listed = await waitFor(
      async () => {
        const answer = await slash(g, PEOPLE.support, `grants ${cara.email}`);
        return text(answer).includes('revoke overdue') ? answer : undefined;
      },
      { message: 'grants to show the revoke as overdue' },
    );
    // The connection was cut after the request was sent: the bot cannot know whether it applied (outcome unknown).
    // Shown in a code span, copyable as it is (no zero-width characters around the underscore).
    expect(text(listed)).toContain('`authgear.outcome_unknown`');
    expect(cara.holds()).toBe(true);
    await waitFor(() => !cara.holds(), { timeoutMs: 8000, message: 'the retried revoke to go through' });
    await waitFor(() => grantEvents(g, cara.email, 'expired').length > 0);
    expect(grantEvents(g, cara.email, 'failed').map((e) => e.errorCode)).toEqual([
      'authgear.outcome_unknown',
    ]);
    expect(grantEvents(g, cara.email, 'expired')[0]?.summary).toMatch(/after \d failed attempt/);
    // The failed attempts never reached the fake's GraphQL (the connection was cut): one removal went through.
    expect(removals(g, cara.roleKey)).toHaveLength(1);
    expect(await liveGrants(g, cara.nodeId)).toEqual([]);
  });
});
