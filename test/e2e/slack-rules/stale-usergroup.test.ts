/**
 * usergroups.users.list answers `no_such_subteam` for a deleted group (RULES.md). A policy that still names one must
 * not lock everybody out: the group counts as empty, roles granted directly (and by other groups) still work, the
 * answer is cached, and operators are warned once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNELS, PEOPLE, startTestApp, type TestApp } from '../../support/app.js';

const POLICY = `
channels: { audit: ${CHANNELS.audit} }
roles:
  viewer: { actions: [user.view] }
  admin: { actions: ["*"] }
members:
  - { slack_user: ${PEOPLE.admin}, roles: [admin] }
  - { slack_usergroup: S0DELETED, roles: [admin] }
  - { slack_usergroup: S0SUPPORT, roles: [viewer] }
`;

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ policy: POLICY });
  t.authgear.store.addUser({ email: 'carol@example.com', name: 'Carol' });
});
afterAll(async () => t.stop());

const lookUp = async (userId: string) => {
  const command = await t.driver.slashCommand({ userId, text: 'user carol@example.com' });
  return JSON.stringify(await t.response(command.responseUrlId));
};
const listCalls = () =>
  t.slack.callsTo('usergroups.users.list').filter((c) => c.args.usergroup === 'S0DELETED');
const warnings = () => t.logs.filter((l) => l.includes('no longer exists') && l.includes('S0DELETED'));

describe('a policy naming a user group Slack deleted', () => {
  it('lets an admin granted directly work, with one warning for operators', async () => {
    t.slack.expectRefusal({ method: 'usergroups.users.list', error: 'no_such_subteam' });
    const card = await lookUp(PEOPLE.admin);
    expect(card).toContain('carol@example.com');
    expect(card).toContain('start_action:disable');
    expect(warnings()).toHaveLength(1);
  });

  it('remembers the answer: no second look-up, no second warning, and other groups still grant their roles', async () => {
    expect(await lookUp(PEOPLE.admin)).toContain('carol@example.com');
    const grouped = await lookUp(PEOPLE.grouped);
    expect(grouped).toContain('carol@example.com');
    expect(grouped).not.toContain('start_action:disable');
    expect(listCalls()).toHaveLength(1);
    expect(warnings()).toHaveLength(1);
  });

  it('still refuses someone with no role at all', async () => {
    expect(await lookUp(PEOPLE.nobody)).toMatch(/don't have a role/);
  });
});
