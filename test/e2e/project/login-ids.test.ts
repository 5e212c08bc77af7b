/**
 * The bot against a project with only some login ID keys (Authgear's default: email only), and Authgear's
 * answer to a duplicate login ID (FACTS.md "Semantics" and "Errors").
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PEOPLE, startTestApp, type TestApp } from '../../support/app.js';
import { mutationsSince, runConfirmed } from '../account/flow.js';

const text = (v: unknown) => JSON.stringify(v);

describe('a project with email login IDs only', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(); // the fake plays Authgear's default project; the bot is told the same
    t.authgear.store.addUser({ email: 'taken@example.com' });
  });
  afterAll(async () => t.stop());

  it.each([
    ['a phone number', '+14155550100', 'phone_number', 'phone'],
    ['a username', 'bob_the_user', 'preferred_username', 'username'],
  ])('answers a look-up by %s with "no user matches", not an error', async (_n, who, attribute, key) => {
    const from = t.authgear.requests.length;
    const res = await t.driver.slashCommand({ userId: PEOPLE.viewer, text: `user ${who}` });
    const body = await t.response(res.responseUrlId);
    expect(text(body)).toContain('No Authgear user matches that');
    const sent = t.authgear.requests.slice(from).map((r) => [r.operationName, r.variables]);
    expect(sent).toEqual([
      ['GetUsersByStandardAttribute', { attributeName: attribute, attributeValue: who }],
      ['GetUserByLoginID', { loginIDKey: key, loginIDValue: who }],
    ]);
  });

  it('create-user with a username says the project has none, sending nothing', async () => {
    const from = t.authgear.requests.length;
    const res = await t.driver.slashCommand({ userId: PEOPLE.admin, text: 'create-user bob_the_user' });
    const body = await t.response(res.responseUrlId);
    expect(text(body)).toContain('This Authgear project has no usernames as login IDs');
    expect(text(body)).toContain('AUTHGEAR_LOGIN_ID_KEYS');
    expect(mutationsSince(t, from)).toEqual([]);
  });

  it('a login ID another user has: "another user already has that email address"', async () => {
    const run = await runConfirmed(t, PEOPLE.admin, 'create-user TAKEN@example.com');
    expect(run.mutations.map((r) => [r.operationName, r.variables])).toEqual([
      ['CreateUser', { input: { definition: { loginID: { key: 'email', value: 'TAKEN@example.com' } } } }],
    ]);
    expect(text(run.result)).toContain('Another user already has that email address');
    expect(
      t.authgear.store.users().filter((u) => u.standardAttributes.email === 'taken@example.com'),
    ).toHaveLength(1);
  });
});

describe('a bot told about usernames the project does not have', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ env: { AUTHGEAR_LOGIN_ID_KEYS: 'email,username' } });
  });
  afterAll(async () => t.stop());

  it('tells Authgear’s InvalidLoginIDKey in words naming the key', async () => {
    const run = await runConfirmed(t, PEOPLE.admin, 'create-user bob_the_user');
    expect(run.mutations.map((r) => [r.operationName, r.variables])).toEqual([
      ['CreateUser', { input: { definition: { loginID: { key: 'username', value: 'bob_the_user' } } } }],
    ]);
    expect(text(run.result)).toContain('Authgear says this project has no usernames as login IDs');
    expect(t.authgear.store.users()).toEqual([]);
  });
});
