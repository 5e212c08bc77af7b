import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { encodeNodeId } from '../../fakes/authgear/index.js';
import { PEOPLE, startTestApp, type TestApp } from '../../support/app.js';

let t: TestApp;

beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t.stop());

const text = (body: unknown): string => JSON.stringify(body);

/** The value of the Confirm button in a confirmation message, if there is one. */
const confirmValue = (body: Record<string, unknown>): string | undefined => {
  const blocks = (body.blocks ?? []) as { elements?: { action_id?: string; value?: string }[] }[];
  return blocks.flatMap((b) => b.elements ?? []).find((e) => e.action_id === 'confirm_action')?.value;
};

/** Runs `/authgear <command>`, clicks Confirm, and returns what the person saw and what Authgear received. */
const run = async (command: string, userId: string = PEOPLE.admin) => {
  const before = t.authgear.requests.length;
  const res = await t.driver.slashCommand({ userId, text: command });
  const first = await t.response(res.responseUrlId);
  const value = confirmValue(first);
  if (value === undefined) return { first, result: undefined, sent: t.authgear.requests.slice(before) };
  const sentBeforeConfirm = t.authgear.requests.length;
  const click = await t.driver.blockAction({ userId, actionId: 'confirm_action', value });
  const result = await t.response(click.responseUrlId, 2);
  return { first, result, sent: t.authgear.requests.slice(sentBeforeConfirm) };
};

/** The mutations (not the read-first queries) among requests. */
const mutations = (sent: { query: string; operationName: string | null; variables: unknown }[]) =>
  sent.filter((r) => r.query.trimStart().startsWith('mutation'));

const userNode = (email: string): string => {
  const u = t.authgear.store.users().find((x) => x.standardAttributes.email === email);
  if (!u) throw new Error(`no user ${email}`);
  return encodeNodeId('User', u.id);
};
const store = () => t.authgear.store;
const groupKeysOf = (email: string) => {
  const u = store()
    .users()
    .find((x) => x.standardAttributes.email === email);
  return store()
    .groups()
    .filter((g) => u?.groupIds.has(g.id))
    .map((g) => g.key);
};
const roleKeysOf = (email: string) => {
  const u = store()
    .users()
    .find((x) => x.standardAttributes.email === email);
  return store()
    .roles()
    .filter((r) => u?.roleIds.has(r.id))
    .map((r) => r.key);
};
const rolesOfGroup = (key: string) =>
  store()
    .roles()
    .filter((r) => store().group(key)?.roleIds.has(r.id))
    .map((r) => r.key);

let seq = 0;
/** A fresh key per test, so tests do not depend on each other. */
const fresh = (prefix: string) => `${prefix}_${++seq}`;
/** A fresh email without `_` (the bot shows `_` with zero-width spaces around it in mrkdwn). */
const freshEmail = (prefix: string) => `${prefix}${++seq}@example.com`;

describe('group and role mutations from Slack', () => {
  beforeEach(() => {
    seq += 100;
  });

  it('creates a group with a key and a name, sending null for the missing description', async () => {
    const key = fresh('support');
    const { first, result, sent } = await run(`create-group ${key} Support team`);
    expect(text(first)).toContain(`\`${key}\``);
    expect(mutations(sent).map((r) => [r.operationName, r.variables])).toEqual([
      ['CreateGroup', { input: { key, name: 'Support team', description: null } }],
    ]);
    expect(text(result)).toContain(`Created group \`${key}\``);
    expect(store().group(key)).toMatchObject({ name: 'Support team', description: null });
  });

  it.each([
    ['starts with a digit', '9lives', 'must start with a letter'],
    ['uses the reserved prefix', 'authgear:admin', 'reserves'],
    ['is longer than 40 characters', `k${'x'.repeat(40)}`, 'at most 40'],
    ['has a character Authgear refuses', 'sales-team', 'only letters'],
  ])('refuses a key that %s before sending anything', async (_why, key, words) => {
    const { first, result, sent } = await run(`create-role ${key}`);
    expect(result).toBeUndefined();
    expect(text(first)).toContain(words);
    expect(sent).toEqual([]);
    expect(store().role(key)).toBeUndefined();
  });

  it('names the key when a role with it already exists', async () => {
    const key = fresh('dup');
    store().addRole({ key });
    const { result } = await run(`create-role ${key}`);
    expect(text(result)).toContain(`A role with the key \`${key}\` already exists`);
    expect(
      store()
        .roles()
        .filter((r) => r.key === key),
    ).toHaveLength(1);
  });

  it('renames a group, sending null for the untouched key and description', async () => {
    const key = fresh('ops');
    const g = store().addGroup({ key, name: 'Ops', description: 'Keeps things up' });
    const { result, sent } = await run(`update-group ${key} name Operations crew`);
    expect(mutations(sent).map((r) => r.variables)).toEqual([
      { input: { id: encodeNodeId('Group', g.id), key: null, name: 'Operations crew', description: null } },
    ]);
    expect(text(result)).toContain('Updated group');
    expect(store().group(key)).toMatchObject({ name: 'Operations crew', description: 'Keeps things up' });
  });

  it('removes a role description with an empty string when the person clears it', async () => {
    const key = fresh('auditor');
    const r = store().addRole({ key, name: 'Auditor', description: 'Reads logs' });
    const { sent } = await run(`update-role ${key} description`);
    expect(mutations(sent).map((x) => x.variables)).toEqual([
      { input: { id: encodeNodeId('Role', r.id), key: null, name: null, description: '' } },
    ]);
    expect(store().role(key)).toMatchObject({ name: 'Auditor', description: null });
  });

  it('changes a role key and refuses a change that changes nothing', async () => {
    const key = fresh('old');
    const next = fresh('new');
    store().addRole({ key });
    const { sent } = await run(`update-role ${key} key ${next}`);
    expect(mutations(sent)[0]?.variables).toMatchObject({
      input: { key: next, name: null, description: null },
    });
    expect(store().role(next)).toBeDefined();
    const again = await run(`update-role ${next} key ${next}`);
    expect(text(again.result)).toContain('already looks like that');
    expect(mutations(again.sent)).toEqual([]);
  });

  it('deletes a group after a danger confirmation, and tells which links went with it', async () => {
    const key = fresh('temp');
    const g = store().addGroup({ key, roles: [fresh('ra'), fresh('rb')] });
    store().addUser({ email: `${key}@example.com`, groups: [key] });
    const { first, result, sent } = await run(`delete-group ${key}`);
    expect(text(first)).toContain('every link');
    expect(text(first)).toContain('"style":"danger"');
    expect(mutations(sent).map((r) => [r.operationName, r.variables])).toEqual([
      ['DeleteGroup', { input: { id: encodeNodeId('Group', g.id) } }],
    ]);
    // Authgear gives no member total: the bot counts one page of members itself before deleting.
    expect(text(result)).toContain('linked to 2 roles and 1 member');
    expect(sent.find((r) => r.operationName === 'GetGroupNode')?.variables).toMatchObject({
      usersFirst: 100,
    });
    expect(store().group(key)).toBeUndefined();
    expect(groupKeysOf(`${key}@example.com`)).toEqual([]);
  });

  it('deletes a role and says how many groups and users held it', async () => {
    const key = fresh('gone');
    store().addGroup({ key: fresh('holder'), roles: [key] });
    store().addUser({ email: `${key}@example.com`, roles: [key] });
    const { result } = await run(`delete-role ${key}`);
    expect(text(result)).toContain('linked to 1 group and 1 user');
    expect(store().role(key)).toBeUndefined();
  });

  it('says which key is unknown when deleting a group that does not exist, sending no mutation', async () => {
    const { result, sent } = await run('delete-group no_such_group');
    expect(text(result)).toContain('no group with the key `no_such_group`');
    expect(mutations(sent)).toEqual([]);
  });

  it('adds one role to 20 groups with ONE mutation', async () => {
    const role = fresh('viewer');
    store().addRole({ key: role });
    const groups = Array.from({ length: 20 }, (_, i) => `team_${seq}_${i}`);
    for (const key of groups) store().addGroup({ key });
    const { first, result, sent } = await run(`add-role-to-groups ${role} ${groups.join(' ')}`);
    expect(text(first)).toContain('Groups (20)');
    const sentMutations = mutations(sent);
    expect(sentMutations).toHaveLength(1);
    expect(sentMutations[0]).toMatchObject({
      operationName: 'AddRoleToGroups',
      variables: { input: { roleKey: role, groupKeys: groups } },
    });
    expect(text(result)).toContain('to 20 groups');
    for (const key of groups) expect(rolesOfGroup(key)).toEqual([role]);
  });

  it.each([
    ['remove-role-from-groups', 'RemoveRoleFromGroups', false],
    ['add-group-to-roles', 'AddGroupToRoles', true],
    ['remove-group-from-roles', 'RemoveGroupFromRoles', false],
  ] as const)('%s links a group and roles in one mutation', async (verb, operation, linked) => {
    const group = fresh('g');
    const roles = [fresh('r'), fresh('r')];
    store().addGroup({ key: group, roles: linked ? [] : roles });
    for (const r of roles) if (store().role(r) === undefined) store().addRole({ key: r });
    const command = verb.startsWith('remove-role')
      ? `${verb} ${roles[0]} ${group}`
      : `${verb} ${group} ${roles.join(' ')}`;
    const { sent } = await run(command);
    const expected = verb.startsWith('remove-role')
      ? { roleKey: roles[0], groupKeys: [group] }
      : { groupKey: group, roleKeys: roles };
    expect(mutations(sent).map((r) => [r.operationName, r.variables])).toEqual([
      [operation, { input: expected }],
    ]);
    const held = rolesOfGroup(group);
    if (verb === 'remove-role-from-groups') expect(held).toEqual([roles[1]]);
    else expect(held).toEqual(linked ? roles : []);
  });

  it('names the missing ROLE keys when Authgear reports them as GroupUnknownKeys', async () => {
    const group = fresh('gr');
    const known = fresh('known');
    store().addGroup({ key: group });
    store().addRole({ key: known });
    const missingA = fresh('missing');
    const missingB = fresh('missing');
    const { result, sent } = await run(`add-group-to-roles ${group} ${known} ${missingA} ${missingB}`);
    expect(mutations(sent).map((r) => [r.operationName, r.variables])).toEqual([
      ['AddGroupToRoles', { input: { groupKey: group, roleKeys: [known, missingA, missingB] } }],
    ]);
    expect(text(result)).toContain(`no roles with the keys \`${missingA}\`, \`${missingB}\``);
    expect(text(result)).not.toContain('no group');
    expect(rolesOfGroup(group)).toEqual([]);
  });

  it('names the keys and changes nothing when a group key is unknown', async () => {
    const role = fresh('rk');
    const group = fresh('gk');
    store().addRole({ key: role });
    store().addGroup({ key: group });
    const { result } = await run(`add-role-to-groups ${role} ${group} nope_group`);
    expect(text(result)).toContain('`nope_group`');
    expect(rolesOfGroup(group)).toEqual([]);
  });

  it.each([
    ['add-user-to-roles', 'AddUserToRoles', 'roleKeys', true],
    ['remove-user-from-roles', 'RemoveUserFromRoles', 'roleKeys', false],
    ['add-user-to-groups', 'AddUserToGroups', 'groupKeys', true],
    ['remove-user-from-groups', 'RemoveUserFromGroups', 'groupKeys', false],
  ] as const)(
    '%s links one user (named by email) and several keys in one mutation',
    async (verb, operation, field, add) => {
      const email = freshEmail('u');
      const keys = [fresh('k'), fresh('k')];
      const isRole = field === 'roleKeys';
      for (const k of keys) isRole ? store().addRole({ key: k }) : store().addGroup({ key: k });
      store().addUser({ email, ...(add ? {} : isRole ? { roles: keys } : { groups: keys }) });
      const { result, sent } = await run(`${verb} ${email} ${keys.join(' ')}`);
      expect(mutations(sent).map((r) => [r.operationName, r.variables])).toEqual([
        [operation, { input: { userID: userNode(email), [field]: keys } }],
      ]);
      expect(text(result)).toContain(email);
      expect(isRole ? roleKeysOf(email) : groupKeysOf(email)).toEqual(add ? keys : []);
    },
  );

  it('refuses to add a user to a role they already hold directly, sending nothing', async () => {
    const email = freshEmail('has');
    const role = fresh('held');
    store().addUser({ email, roles: [role] });
    const { first, sent } = await run(`add-user-to-roles ${email} ${role}`);
    expect(text(first)).toContain('already has');
    expect(mutations(sent)).toEqual([]);
  });

  it.each([
    ['add-role-to-users', 'AddRoleToUsers', 'roleKey', true],
    ['remove-role-from-users', 'RemoveRoleFromUsers', 'roleKey', false],
    ['add-group-to-users', 'AddGroupToUsers', 'groupKey', true],
    ['remove-group-from-users', 'RemoveGroupFromUsers', 'groupKey', false],
  ] as const)(
    '%s resolves several users exactly and sends one mutation with their IDs',
    async (verb, operation, field, add) => {
      const key = fresh('k');
      const isRole = field === 'roleKey';
      isRole ? store().addRole({ key }) : store().addGroup({ key });
      const emails = [freshEmail('m'), freshEmail('m')];
      for (const email of emails)
        store().addUser({ email, ...(add ? {} : isRole ? { roles: [key] } : { groups: [key] }) });
      const { result, sent } = await run(`${verb} ${key} ${emails.join(' ')}`);
      expect(mutations(sent).map((r) => [r.operationName, r.variables])).toEqual([
        [operation, { input: { [field]: key, userIDs: emails.map(userNode) } }],
      ]);
      expect(text(result)).toContain('2 users');
      for (const email of emails)
        expect(isRole ? roleKeysOf(email) : groupKeysOf(email)).toEqual(add ? [key] : []);
    },
  );

  it('sends nothing when one of several users cannot be found, and names that user', async () => {
    const role = fresh('r');
    store().addRole({ key: role });
    const email = freshEmail('ok');
    store().addUser({ email });
    // Adding is checked against the requester before the confirmation, so the users are resolved then.
    const added = await run(`add-role-to-users ${role} ${email} ghost@example.com`);
    expect(added.result).toBeUndefined();
    expect(text(added.first)).toContain('ghost@example.com');
    expect(mutations(added.sent)).toEqual([]);
    expect(roleKeysOf(email)).toEqual([]);
    // Removing is resolved when it runs, after Confirm.
    const removed = await run(`remove-role-from-users ${role} ${email} ghost@example.com`);
    expect(text(removed.result)).toContain('ghost@example.com');
    expect(mutations(removed.sent)).toEqual([]);
  });

  it('refuses group management to a person whose role lacks group.manage', async () => {
    const key = fresh('nope');
    const { first, result, sent } = await run(`create-group ${key}`, PEOPLE.support);
    expect(result).toBeUndefined();
    expect(text(first)).toMatch(/doesn't allow/);
    expect(sent).toEqual([]);
    expect(store().group(key)).toBeUndefined();
  });
});
