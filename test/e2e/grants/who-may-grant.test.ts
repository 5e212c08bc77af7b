/**
 * What may be granted, and by whom: deny by default. Only targets under `grants.targets` may be granted, a target
 * with `by:` only by those roles, and nobody gives themselves access unless another person approves it (the bot
 * knows who the requester is in Authgear by the email on their Slack profile).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PEOPLE } from '../../support/app.js';
import { waitFor } from '../../support/wait.js';
import { approveLatest, type GrantCluster, grantPolicy, run, slash, startGrantCluster } from './harness.js';

const text = (v: unknown): string => JSON.stringify(v);
const TARGETS = ['    role:own_role: 4h', '    role:lead_role: { max_duration: 2h, by: [admin] }'].join('\n');

/** Sam (support) has an Authgear account under his Slack email; the roles the policy lists exist. */
const seed = (c: GrantCluster) => {
  const store = c.fakes.authgear.store;
  const own = store.addRole({ key: 'own_role' });
  store.addRole({ key: 'lead_role' });
  store.addRole({ key: 'unlisted_role' });
  const sam = store.addUser({ email: 'sam@ops.example.com' });
  const other = store.addUser({ email: 'olga@example.com' });
  return {
    samHolds: () => sam.roleIds.has(own.id),
    otherHolds: (key: string) => [...other.roleIds].some((id) => store.role(key)?.id === id),
  };
};

const adds = (c: GrantCluster) => c.fakes.authgear.requests.filter((r) => r.query.includes('addUserToRoles'));

describe('without an approval rule for user.grant', () => {
  let c: GrantCluster;
  let s: ReturnType<typeof seed>;
  beforeAll(async () => {
    c = await startGrantCluster({ policy: grantPolicy({ targets: TARGETS }) });
    s = seed(c);
  });
  afterAll(async () => c.stop());

  it('refuses a grant to yourself before any confirmation, audited as denied, and adds nothing', async () => {
    const answer = await slash(c, PEOPLE.support, 'grant sam@ops.example.com role:own_role for 1h');
    expect(text(answer)).toContain('is you');
    expect(text(answer)).not.toContain('confirm_action');
    expect(s.samHolds()).toBe(false);
    expect(adds(c)).toEqual([]);
    const denied = c.audit.filter((e) => e.type === 'denied' && e.action === 'user.grant');
    expect(denied.map((e) => [e.actor.userId, e.reason])).toEqual([[PEOPLE.support, 'self_grant']]);
  });

  it('refuses a target the policy does not list, and one listed for other roles, naming what you may grant', async () => {
    const unlisted = await slash(c, PEOPLE.support, 'grant olga@example.com role:unlisted_role for 1h');
    expect(text(unlisted)).toContain('not under `grants.targets`');
    expect(text(unlisted)).toContain('`role:own_role`');
    const others = await slash(c, PEOPLE.support, 'grant olga@example.com role:lead_role for 1h');
    expect(text(others)).toContain('Your role may not grant `role:lead_role`');
    expect(text(others)).not.toContain('`role:lead_role`,');
    expect(adds(c)).toEqual([]);
  });

  it('lets the roles a target names grant it to someone else', async () => {
    expect(text(await run(c, PEOPLE.admin, 'grant olga@example.com role:lead_role for 1h'))).toContain(
      'Granted role',
    );
    expect(s.otherHolds('lead_role')).toBe(true);
    expect(text(await run(c, PEOPLE.support, 'grant olga@example.com role:own_role for 1h'))).toContain(
      'Granted role',
    );
  });
});

describe('with user.grant sent for approval', () => {
  let c: GrantCluster;
  let s: ReturnType<typeof seed>;
  beforeAll(async () => {
    c = await startGrantCluster({ policy: grantPolicy({ approve: true, targets: TARGETS }) });
    s = seed(c);
  });
  afterAll(async () => c.stop());

  it('sends a grant to yourself for approval, and runs it once another person approves', async () => {
    const answer = await run(c, PEOPLE.support, 'grant sam@ops.example.com role:own_role for 1h on call');
    expect(text(answer)).toContain('Sent for approval');
    expect(s.samHolds()).toBe(false);
    const approvalId = await approveLatest(c, PEOPLE.admin);
    await waitFor(() => s.samHolds(), { message: 'the approved grant to run' });
    const executed = c.audit.filter((e) => e.type === 'executed' && e.approvalId === approvalId);
    expect(executed.map((e) => e.actor.userId)).toEqual([PEOPLE.support]);
    expect(c.audit.filter((e) => e.type === 'denied')).toEqual([]);
  });
});
