import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PEOPLE, startTestApp, type TestApp } from '../../support/app.js';

let t: TestApp;

beforeAll(async () => {
  t = await startTestApp();
  for (let i = 0; i < 12; i++) t.authgear.store.addGroup({ key: `team_${String(i).padStart(2, '0')}` });
  t.authgear.store.addGroup({
    key: 'support',
    name: 'Support <b>crew</b>',
    description: 'Helps',
    roles: ['agent'],
  });
  t.authgear.store.addUser({ email: 'amy@example.com', groups: ['support'] });
  t.authgear.store.addUser({ email: 'ben@example.com', roles: ['agent'] });
  for (let i = 0; i < 10; i++) t.authgear.store.addGroup({ key: `squad_${i}` });
  t.authgear.store.addGroup({ key: 'big' });
  t.authgear.store.addGroup({ key: 'ten' });
  for (let i = 0; i < 12; i++)
    t.authgear.store.addUser({
      email: `m${String(i).padStart(2, '0')}@example.com`,
      groups: i < 10 ? ['big', 'ten'] : ['big'],
    });
});
afterAll(async () => t.stop());

const text = (body: unknown): string => JSON.stringify(body);
const buttons = (body: Record<string, unknown>) =>
  (
    (body.blocks ?? []) as { elements?: { action_id?: string; value?: string; text?: { text?: string } }[] }[]
  ).flatMap((b) => b.elements ?? []);

/** Clicks a page button (Next / More members) and returns the message it produced. */
const clickPage = async (userId: string, value: string) => {
  const click = await t.driver.blockAction({ userId, actionId: 'access_page', value });
  return t.response(click.responseUrlId);
};

describe('paging what Authgear gives, never its totals', () => {
  it('lists a group’s members one page at a time, and "More members" shows the rest', async () => {
    const res = await t.driver.slashCommand({ userId: PEOPLE.viewer, text: 'group big' });
    const card = await t.response(res.responseUrlId);
    expect(text(card)).toContain('m09@example.com, more…');
    expect(text(card)).not.toContain('m10@example.com');
    expect(text(card)).not.toMatch(/Members \(/);
    const more = buttons(card).find((e) => e.text?.text === 'More members');
    const value = JSON.parse(more?.value ?? '{}') as { v: string; a: string[] };
    expect(value).toMatchObject({ v: 'group', a: ['big', '--after', expect.any(String)] });
    const next = await clickPage(PEOPLE.viewer, more?.value ?? '');
    expect(text(next)).toContain('Members (continued)');
    expect(text(next)).toContain('m10@example.com, m11@example.com');
    expect(text(next)).not.toContain('m00@example.com');
    expect(buttons(next).some((e) => e.text?.text === 'More members')).toBe(false);
    expect(t.authgear.requests.at(-1)).toMatchObject({
      operationName: 'GetGroupNode',
      variables: { usersFirst: 10, usersAfter: value.a[2] },
    });
  });

  it('stops cleanly when the page after a full one is empty', async () => {
    const res = await t.driver.slashCommand({ userId: PEOPLE.viewer, text: 'group ten' });
    const card = await t.response(res.responseUrlId);
    const more = buttons(card).find((e) => e.text?.text === 'More members');
    expect(more).toBeDefined(); // a full page: Authgear says there may be more
    const next = await clickPage(PEOPLE.viewer, more?.value ?? '');
    expect(text(next)).toContain('no more members');
    expect(buttons(next).some((e) => e.action_id === 'access_page')).toBe(false);
  });

  it('ends a group list at an empty last page, and shows no total', async () => {
    const res = await t.driver.slashCommand({ userId: PEOPLE.viewer, text: 'groups squad' });
    const page1 = await t.response(res.responseUrlId);
    expect(text(page1)).toContain('`squad_9`');
    expect(text(page1)).not.toMatch(/\*Groups matching “squad”\* \(/);
    const next = buttons(page1).find((e) => e.action_id === 'access_page');
    const page2 = await clickPage(PEOPLE.viewer, next?.value ?? '');
    expect(text(page2)).toContain('No more groups matching “squad”.');
    expect(buttons(page2).some((e) => e.action_id === 'access_page')).toBe(false);
  });
});

describe('group and role queries from Slack', () => {
  it('pages through groups: the Next button re-runs the verb with the cursor', async () => {
    const res = await t.driver.slashCommand({ userId: PEOPLE.viewer, text: 'groups team' });
    const page1 = await t.response(res.responseUrlId);
    expect(text(page1)).toContain('`team_00`');
    expect(text(page1)).not.toContain('`team_10`');
    const next = buttons(page1).find((e) => e.action_id === 'access_page');
    const value = JSON.parse(next?.value ?? '{}') as { v: string; a: string[] };
    expect(value.v).toBe('groups');
    expect(value.a.slice(0, 2)).toEqual(['team', '--after']);
    const again = await t.driver.slashCommand({
      userId: PEOPLE.viewer,
      text: `${value.v} ${value.a.join(' ')}`,
    });
    const page2 = await t.response(again.responseUrlId);
    expect(text(page2)).toContain('`team_10`');
    expect(text(page2)).not.toContain('`team_00`');
    expect(buttons(page2).some((e) => e.action_id === 'access_page')).toBe(false);
    expect(t.authgear.requests.at(-1)?.variables).toMatchObject({ keyword: 'team', first: 10 });
  });

  it('shows a group card with roles, members and, for a viewer, no action buttons', async () => {
    const res = await t.driver.slashCommand({ userId: PEOPLE.viewer, text: 'group support' });
    const card = await t.response(res.responseUrlId);
    expect(text(card)).toContain('`agent`');
    expect(text(card)).toContain('amy@example.com');
    expect(text(card)).toContain('*Members*: amy@example.com');
    expect(text(card)).not.toMatch(/Members \(/);
    expect(text(card)).toContain('Support &lt;b&gt;crew&lt;/b&gt;');
    expect(buttons(card).filter((e) => String(e.action_id).startsWith('start_action:'))).toEqual([]);
  });

  it('gives an admin the group actions, the delete button carrying the key', async () => {
    const res = await t.driver.slashCommand({ userId: PEOPLE.admin, text: 'group support' });
    const card = await t.response(res.responseUrlId);
    const start = buttons(card).filter((e) => String(e.action_id).startsWith('start_action:'));
    expect(start.map((e) => JSON.parse(e.value ?? '{}').k)).toContain('add-group-to-roles');
    expect(start.map((e) => e.value)).toContain(JSON.stringify({ k: 'delete-group', a: { key: 'support' } }));
  });

  it('shows a role card with its groups and direct users', async () => {
    const res = await t.driver.slashCommand({ userId: PEOPLE.viewer, text: 'role agent' });
    const card = await t.response(res.responseUrlId);
    expect(text(card)).toContain('Groups (1)');
    expect(text(card)).toContain('`support`');
    expect(text(card)).toContain('ben@example.com');
  });

  it('names the key when no group has it', async () => {
    const res = await t.driver.slashCommand({ userId: PEOPLE.viewer, text: 'group nothing_here' });
    expect(text(await t.response(res.responseUrlId))).toContain('no group with the key `nothing_here`');
  });

  it('refuses the group list to a person without group.view', async () => {
    const res = await t.driver.slashCommand({ userId: PEOPLE.nobody, text: 'groups' });
    expect(text(await t.response(res.responseUrlId))).not.toContain('team_00');
  });
});
