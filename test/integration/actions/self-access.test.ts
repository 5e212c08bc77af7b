/**
 * The last line against adding yourself to roles or groups for good: the execution itself refuses it, as for a
 * time-boxed grant (self-grant.test.ts), when no other person approved it; among several users, one that is the
 * requester refuses the whole change. Removing access, or adding someone else, runs.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addGroupToUsersAction } from '../../../src/actions/access/add-group-to-users.js';
import { addRoleToUsersAction } from '../../../src/actions/access/add-role-to-users.js';
import { addUserToGroupsAction } from '../../../src/actions/access/add-user-to-groups.js';
import { addUserToRolesAction } from '../../../src/actions/access/add-user-to-roles.js';
import { removeRoleFromUsersAction } from '../../../src/actions/access/remove-role-from-users.js';
import { createExecution } from '../../../src/actions/execute.js';
import type { AnyActionDefinition } from '../../../src/actions/types.js';
import type { AuditEvent } from '../../../src/audit/event.js';
import { isAppError } from '../../../src/errors.js';
import { createUserResolver } from '../../../src/users/resolve.js';
import { type ActionHarness, NOW, startHarness, uniqueEmail } from './account/harness.js';

let h: ActionHarness;
beforeAll(async () => {
  h = await startHarness();
  h.fake.store.addRole({ key: 'ops' });
  h.fake.store.addGroup({ key: 'oncall' });
});
afterAll(async () => h.close());

const actor = { userId: 'U0SAM', name: 'sam', roles: ['support'] };

/** Runs `def` as Sam (whose Slack profile shows `slackEmail`) with no approval. */
const attempt = async (
  def: AnyActionDefinition,
  raw: Record<string, unknown>,
  slackEmail: string | undefined,
  approval?: { id: string },
) => {
  const events: AuditEvent[] = [];
  const profiles = { emailOf: async () => slackEmail };
  const execution = createExecution({
    api: h.api,
    users: createUserResolver(h.api, profiles),
    audit: { record: async (e) => void events.push(e) },
    now: () => NOW,
    profiles,
  });
  const before = h.fake.requests.length;
  const thrown = await execution.execute(actor, def, def.input.parse(raw), approval).then(
    () => undefined,
    (e: unknown) => e,
  );
  const mutations = h.fake.requests.slice(before).filter((r) => r.query.trimStart().startsWith('mutation'));
  return { thrown, events, mutations };
};

describe('adding the requester to roles or groups without an approval', () => {
  it.each([
    ['add-user-to-roles', addUserToRolesAction, (id: string) => ({ userId: id, keys: ['ops'] })],
    ['add-user-to-groups', addUserToGroupsAction, (id: string) => ({ userId: id, keys: ['oncall'] })],
    [
      'add-role-to-users',
      addRoleToUsersAction,
      (_: string, e: string) => ({ key: 'ops', users: [uniqueEmail(), e] }),
    ],
    ['add-group-to-users', addGroupToUsersAction, (_: string, e: string) => ({ key: 'oncall', users: [e] })],
  ])('%s is refused, audited as denied, with nothing changed', async (_, def, input) => {
    const email = uniqueEmail();
    const { nodeId } = h.seed({ email });
    const other = input(nodeId, email);
    if ('users' in other) for (const u of other.users) if (u !== email) h.seed({ email: u });
    const { thrown, events, mutations } = await attempt(def, other, email.toUpperCase());
    expect(isAppError(thrown) && thrown.code).toBe('permission.denied');
    expect(events.map((e) => [e.type, e.reason])).toEqual([['denied', 'self_grant']]);
    expect(mutations).toEqual([]);
  });

  it('is refused when the requester has no email on their Slack profile', async () => {
    const email = uniqueEmail();
    h.seed({ email });
    const { thrown, events, mutations } = await attempt(
      addRoleToUsersAction,
      { key: 'ops', users: [email] },
      undefined,
    );
    expect(isAppError(thrown) && thrown.code).toBe('permission.denied');
    expect(events.map((e) => [e.type, e.reason])).toEqual([['denied', 'self_unknown']]);
    expect(mutations).toEqual([]);
  });

  it('runs for someone else, for a removal from yourself, and once another person approved it', async () => {
    const mine = uniqueEmail();
    const theirs = uniqueEmail();
    h.seed({ email: mine, roles: ['ops'] });
    h.seed({ email: theirs });
    const other = await attempt(addRoleToUsersAction, { key: 'ops', users: [theirs] }, mine);
    expect(other.thrown).toBeUndefined();
    const removal = await attempt(removeRoleFromUsersAction, { key: 'ops', users: [mine] }, mine);
    expect(removal.thrown).toBeUndefined();
    const approved = await attempt(addRoleToUsersAction, { key: 'ops', users: [mine] }, mine, { id: 'apr1' });
    expect(approved.thrown).toBeUndefined();
    expect([other, removal, approved].map((r) => r.mutations.length)).toEqual([1, 1, 1]);
    expect(approved.events.map((e) => e.type)).toEqual(['executing', 'executed']);
  });
});
