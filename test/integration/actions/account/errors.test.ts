import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeNodeId } from '../../../fakes/authgear/index.js';
import { type ActionHarness, startHarness, uniqueEmail } from './harness.js';

const email = uniqueEmail;

let h: ActionHarness;
beforeAll(async () => {
  h = await startHarness({ loginIdKeys: ['email', 'username'] });
});
afterAll(async () => {
  await h.close();
});

const mutations = (from: number) =>
  h.fake.requests.slice(from).filter((r) => r.query.trimStart().startsWith('mutation'));

describe('Authgear errors from account actions', () => {
  it('maps UserNotFound to authgear.not_found', async () => {
    const { nodeId } = h.seed({ email: email() });
    const user = await h.load(nodeId);
    const gone = encodeNodeId('User', '00000000-0000-4000-8000-000000000000');
    await expect(
      h.execute('enable', gone, {}, { ...user, id: gone, isDisabled: true }),
    ).rejects.toMatchObject({
      code: 'authgear.not_found',
    });
  });

  it.each([
    ['disable', { isDisabled: true, disableReason: 'x' }, { reason: 'again' }],
    ['enable', { isDisabled: true, deleteAt: '2025-07-01T00:00:00.000Z' }, {}],
    ['cancel-delete', {}, {}],
    ['cancel-anonymize', {}, {}],
    // Authgear anonymizes disabled users too; only an anonymized one is refused (UserIsAnonymized).
    ['anonymize-now', { isAnonymized: true }, {}],
  ])('maps the refusal of %s (state changed since the check) to state.conflict', async (key, seed, raw) => {
    const { nodeId } = h.seed({ email: email(), ...seed });
    await expect(h.execute(key, nodeId, raw)).rejects.toMatchObject({ code: 'state.conflict' });
  });

  it('refuses an unknown session ID with no mutation', async () => {
    const { nodeId } = h.seed({ email: email(), sessions: 1 });
    const user = await h.load(nodeId);
    const before = h.fake.requests.length;
    const ghost = encodeNodeId('Session', '00000000-0000-4000-8000-000000000001');
    await expect(h.execute('revoke-session', nodeId, { sessionId: ghost }, user)).rejects.toMatchObject({
      code: 'state.no_change',
    });
    expect(mutations(before)).toEqual([]);
  });

  it('maps an Authgear outage to authgear.unavailable', async () => {
    const { nodeId } = h.seed({ email: email() });
    const user = await h.load(nodeId);
    h.fake.failNext({ kind: 'http', status: 503 });
    await expect(h.execute('signout', nodeId, {}, user)).rejects.toMatchObject({
      code: 'authgear.unavailable',
    });
  });
});

describe('password and reset messages: Authgear’s refusals get their own words', () => {
  /** The user as the bot loaded it, then the email login ID removed in Authgear (a username stays). */
  const loadedThenEmailRemoved = async () => {
    const address = email();
    const { fake, nodeId } = h.seed({
      email: address,
      username: `u${address.split('@')[0]?.replace(/\W/g, '')}`,
    });
    const stale = await h.load(nodeId);
    fake.identities = fake.identities.filter((i) => i.loginIdKey !== 'email');
    return { fake, nodeId, stale, address };
  };

  it('SendPasswordNoTarget: says only an email login ID can receive it, and nothing changed', async () => {
    const { fake, nodeId, stale } = await loadedThenEmailRemoved();
    const error = await h.execute('reset-password', nodeId, { mode: 'send' }, stale).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'state.conflict', details: { reason: 'SendPasswordNoTarget' } });
    expect((error as Error & { userMessage: string }).userMessage).toMatch(
      /only send a password to an email login ID/,
    );
    expect(fake.authenticators.find((a) => a.type === 'PASSWORD')?.password).toBe('Passw0rd!Passw0rd');
  });

  it('ForgotPasswordFailed: says Authgear found no account with that login ID', async () => {
    const { nodeId, stale, address } = await loadedThenEmailRemoved();
    const error = await h.execute('send-reset', nodeId, {}, stale).catch((e: unknown) => e);
    expect(error).toMatchObject({
      code: 'state.conflict',
      details: { reason: 'ForgotPasswordFailed', cause: 'UserNotFound' },
    });
    expect((error as Error & { userMessage: string }).userMessage).toMatch(/found no account/);
    expect(h.fake.requests.at(-1)?.variables).toEqual({ loginID: address });
  });

  it('RateLimited: a second reset message within the cooldown says to try again in a minute', async () => {
    const { nodeId } = h.seed({ email: email() });
    await h.execute('send-reset', nodeId);
    const error = await h.execute('send-reset', nodeId).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'authgear.rate_limited' });
    expect((error as Error & { userMessage: string }).userMessage).toMatch(/Try again in a minute/);
  });
});

describe('revoke-session against the Authgear fake', () => {
  it('revoke-session checks the session is the user’s, then revokes only it', async () => {
    const { fake, nodeId } = h.seed({ email: email(), sessions: 2 });
    const [first, second] = fake.sessions;
    const sessionId = encodeNodeId('Session', first?.id ?? '');
    const user = await h.load(nodeId);
    const before = h.fake.requests.length;
    await h.execute('revoke-session', nodeId, { sessionId }, user);
    expect(h.fake.requests.slice(before).map((r) => r.operationName)).toEqual([
      'GetUserSessions',
      'RevokeSession',
    ]);
    expect(mutations(before)[0]?.variables).toEqual({ sessionID: sessionId });
    expect(h.fake.store.user(fake.id)?.sessions.map((s) => s.id)).toEqual([second?.id]);
  });

  it('revoke-session refuses a session of another user and sends no mutation', async () => {
    const target = h.seed({ email: email(), sessions: 1 });
    const other = h.seed({ email: email(), sessions: 1 });
    const sessionId = encodeNodeId('Session', other.fake.sessions[0]?.id ?? '');
    const before = h.fake.requests.length;
    await expect(h.execute('revoke-session', target.nodeId, { sessionId })).rejects.toMatchObject({
      code: 'state.no_change',
    });
    expect(mutations(before)).toEqual([]);
    expect(h.fake.store.user(other.fake.id)?.sessions).toHaveLength(1);
  });
});
