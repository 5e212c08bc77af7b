import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getUserByOauth, getUserNodes } from '../../../src/authgear/operations/users.js';
import { encodeNodeId } from '../../fakes/authgear/index.js';
import { PEOPLE, startTestApp, type TestApp } from '../../support/app.js';
import { runConfirmed } from '../account/flow.js';
import { expected, expectSent, sentSince } from './sent.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
  t.authgear.store.configure({ oauthProviders: ['google'] });
});
afterAll(async () => t.stop());

const text = (body: unknown) => JSON.stringify(body);
let n = 0;
const newUser = (extra: Parameters<TestApp['authgear']['store']['addUser']>[0] = {}) => {
  const email = `look${++n}@example.com`;
  const user = t.authgear.store.addUser({ email, name: `Look ${n}`, ...extra });
  return { email, user, nodeId: encodeNodeId('User', user.id) };
};
const ask = async (command: string, userId: string = PEOPLE.admin) => {
  const from = t.authgear.requests.length;
  const res = await t.driver.slashCommand({ userId, text: command });
  return { body: await t.response(res.responseUrlId), sent: sentSince(t, from) };
};

describe('user a, b, c', () => {
  it('looks up several users by ID with ONE nodes query, in the order asked', async () => {
    const a = newUser();
    const b = newUser({ isDisabled: true, disableReason: 'left' });
    const c = newUser({ accountValidUntil: new Date(Date.now() - 86_400_000).toISOString() });
    const { body, sent } = await ask(`user ${b.user.id}, ${a.nodeId}, ${c.user.id}`);
    expectSent(sent, expected(getUserNodes, { ids: [encodeNodeId('User', b.user.id), a.nodeId, c.nodeId] }));
    const shown = text(body);
    expect(shown).toContain('*3 of 3 users found*');
    expect(shown.indexOf(b.email)).toBeLessThan(shown.indexOf(a.email));
    expect(shown.indexOf(a.email)).toBeLessThan(shown.indexOf(c.email));
    expect(shown).toContain(':no_entry_sign: disabled: left');
    expect(shown).toContain(':calendar: outside its valid period (ended');
    expect(shown.match(/"action_id":"show_user"/g)).toHaveLength(3);
  });

  it('says which references match no one, and looks up an email with its own exact query', async () => {
    const a = newUser();
    const gone = encodeNodeId('User', '00000000-0000-4000-8000-0000000000aa');
    const { body, sent } = await ask(`user ${a.email}, ${gone}, nobody${n}@example.com`);
    expect(sent.filter((r) => r.operationName === 'GetUserNodes').map((r) => r.variables)).toEqual([
      { ids: [gone] },
    ]);
    expect(text(body)).toContain('*1 of 3 users found*');
    expect(text(body)).toContain(`No Authgear user matches: ${gone}, nobody${n}@example.com`);
  });

  it('refuses more than 25 users at once, asking Authgear nothing', async () => {
    const ids = Array.from(
      { length: 26 },
      (_, i) => `00000000-0000-4000-8000-0000000001${String(i).padStart(2, '0')}`,
    );
    const { body, sent } = await ask(`user ${ids.join(', ')}`);
    expect(text(body)).toContain('at most 25 users');
    expect(sent).toEqual([]);
  });
});

describe('user oauth:<provider>:<subject>', () => {
  it('finds the user by their ID at the provider, and shows their OAuth connection on the card', async () => {
    const u = newUser({
      oauth: { alias: 'google', subject: '1098765432', claims: { email: 'look@gmail.com' } },
    });
    const { body, sent } = await ask('user oauth:google:1098765432');
    expectSent(sent, expected(getUserByOauth, { alias: 'google', subject: '1098765432' }));
    expect(text(body)).toContain(u.email);
    expect(text(body)).toContain('*OAuth connections*: google (look@gmail.com `oauth:google:1098765432`)');
  });

  it('works wherever a user is named, e.g. to disable them', async () => {
    const u = newUser({ oauth: { alias: 'google', subject: '555' } });
    const run = await runConfirmed(t, PEOPLE.admin, 'disable oauth:google:555 lost laptop');
    expect(run.mutations.map((m) => m.variables)).toEqual([
      { userID: u.nodeId, isDisabled: true, reason: 'lost laptop' },
    ]);
  });

  it('says no user matches an unknown subject, and names a provider the project does not have', async () => {
    expect(text((await ask('user oauth:google:0')).body)).toContain('No Authgear user matches that');
    expect(text((await ask('user oauth:myspace:1')).body)).toContain(
      'This Authgear project has no OAuth provider `myspace`',
    );
  });
});

describe('the fuller user card', () => {
  it('shows login IDs, OAuth connections, passkeys and the IPs locked out', async () => {
    const until = new Date(Date.now() + 3_600_000).toISOString();
    const u = newUser({
      passkeys: ['MacBook Touch ID'],
      accountLockout: {
        isLocked: true,
        lockoutType: 'per_user_per_ip',
        lockedIPs: [{ ipAddress: '203.0.113.9', lockedUntil: until }],
      },
    });
    const card = text((await ask(`user ${u.email}`)).body);
    expect(card).toContain(`*Login IDs*: email ${u.email}`);
    expect(card).toContain('*OAuth connections*: none');
    expect(card).toContain('*Passkeys*: MacBook Touch ID');
    expect(card).toContain(
      `:lock: Locked out from one IP: \`203.0.113.9\` until <!date^${Math.floor(Date.parse(until) / 1000)}`,
    );
  });
});
