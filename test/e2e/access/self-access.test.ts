/**
 * Nobody gives themselves a role or group for good on their own, as for time-boxed grants (who-may-grant.test.ts):
 * adding the requester's own Authgear account (known by the email on their Slack profile) to a role or group runs
 * only after another person approves it. Taking access away from yourself is fine.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeNodeId } from '../../fakes/authgear/index.js';
import { CHANNELS, PEOPLE } from '../../support/app.js';
import { waitFor } from '../../support/wait.js';
import { approveLatest, type GrantCluster, run, slash, startGrantCluster } from '../grants/harness.js';

const text = (v: unknown): string => JSON.stringify(v);
const SAM_ID = '0b6a4f0e-5a8e-4c47-9d3a-8b1f2e3c4d5e';

/** Sam (support) may change who holds roles and groups; `approve` sends those changes for approval by an admin. */
const policy = (approve: boolean) => `
channels:
  approvals: ${CHANNELS.approvals}
  audit: ${CHANNELS.audit}
roles:
  support: { actions: [user.view, role.view, group.view, role.members, group.members] }
  admin: { actions: ["*"] }
members:
  - { slack_user: ${PEOPLE.admin}, roles: [admin] }
  - { slack_user: ${PEOPLE.admin2}, roles: [admin] }
  - { slack_user: ${PEOPLE.support}, roles: [support] }
${approve ? 'approvals:\n  role.members: { approvers: [admin], required: 1, expires_in: 1h }\n  group.members: { approvers: [admin], required: 1, expires_in: 1h }' : ''}
`;

/** Sam has an Authgear account under his Slack email (and a known Authgear ID); Olga is someone else. */
const seed = (c: GrantCluster) => {
  const store = c.fakes.authgear.store;
  const role = store.addRole({ key: 'ops_role' });
  const group = store.addGroup({ key: 'ops_group' });
  store.addRole({ key: 'held_role' });
  const sam = store.addUser({ email: 'sam@ops.example.com', id: SAM_ID, roles: ['held_role'] });
  const olga = store.addUser({ email: 'olga@example.com' });
  return {
    samNode: encodeNodeId('User', sam.id),
    samRoles: () => [...sam.roleIds].map((id) => store.roles().find((r) => r.id === id)?.key),
    samGroups: () => [...sam.groupIds],
    olgaHas: () => olga.roleIds.has(role.id) || olga.groupIds.has(group.id),
  };
};

const ADDS = ['addUserToRoles(', 'addUserToGroups(', 'addRoleToUsers(', 'addGroupToUsers('];
/** The add mutations Authgear received. */
const adds = (c: GrantCluster) =>
  c.fakes.authgear.requests.filter((r) => ADDS.some((m) => r.query.includes(m)));

describe('adding yourself to roles or groups without an approval rule', () => {
  let c: GrantCluster;
  let s: ReturnType<typeof seed>;
  beforeAll(async () => {
    c = await startGrantCluster({ policy: policy(false) });
    s = seed(c);
  });
  afterAll(async () => c.stop());

  it.each([
    ['add-user-to-roles sam@ops.example.com ops_role', 'role.members'],
    ['add-user-to-groups sam@ops.example.com ops_group', 'group.members'],
    ['add-role-to-users ops_role olga@example.com SAM@ops.example.com', 'role.members'],
    [`add-group-to-users ops_group olga@example.com ${SAM_ID}`, 'group.members'],
  ])('refuses `%s` before any confirmation, audited as denied, and adds nothing', async (command, action) => {
    const answer = await slash(c, PEOPLE.support, command);
    expect(text(answer)).toContain('is you');
    expect(text(answer)).not.toContain('confirm_action');
    expect(adds(c)).toEqual([]);
    expect(s.samRoles()).toEqual(['held_role']);
    expect(s.samGroups()).toEqual([]);
    expect(s.olgaHas()).toBe(false);
    // Repeats of one denial are counted rather than posted again (S2): the first of each action is there.
    const denied = c.audit.filter((e) => e.type === 'denied' && e.action === action);
    expect(denied.map((e) => [e.actor.userId, e.reason])).toEqual([[PEOPLE.support, 'self_grant']]);
  });

  it('refuses yourself named by Authgear ID among several users too', async () => {
    const answer = await slash(c, PEOPLE.support, `add-role-to-users ops_role olga@example.com ${s.samNode}`);
    expect(text(answer)).toContain('is you');
    expect(adds(c)).toEqual([]);
  });

  it('lets you take a role away from yourself, and add others', async () => {
    expect(
      text(await run(c, PEOPLE.support, 'remove-user-from-roles sam@ops.example.com held_role')),
    ).toContain('Removed');
    expect(s.samRoles()).toEqual([]);
    expect(text(await run(c, PEOPLE.support, 'add-role-to-users ops_role olga@example.com'))).toContain(
      'Added',
    );
    expect(s.olgaHas()).toBe(true);
  });
});

describe('adding yourself with role.members and group.members sent for approval', () => {
  let c: GrantCluster;
  let s: ReturnType<typeof seed>;
  beforeAll(async () => {
    c = await startGrantCluster({ policy: policy(true) });
    s = seed(c);
  });
  afterAll(async () => c.stop());

  it('sends it for approval, and runs it once another person approves', async () => {
    const answer = await run(c, PEOPLE.support, `add-role-to-users ops_role ${SAM_ID} olga@example.com`);
    expect(text(answer)).toContain('Sent for approval');
    expect(s.samRoles()).toEqual(['held_role']);
    await approveLatest(c, PEOPLE.admin);
    await waitFor(() => s.samRoles().includes('ops_role'), { message: 'the approved change to run' });
    expect(s.olgaHas()).toBe(true);
    expect(c.audit.filter((e) => e.type === 'denied')).toEqual([]);
  });
});
