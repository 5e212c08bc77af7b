/**
 * The Authgear fake answers createAuthenticator, the MFA grace period, getUserByOAuth and `nodes` as
 * authgear-server does: one test per behaviour.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeNodeId } from '../../fakes/authgear/index.js';
import { errorOf, type FakeAdmin, startFake } from './answers.js';

const NOW = new Date('2026-08-20T12:00:00.000Z');
const DAY = 86_400_000;
let api: FakeAdmin;
beforeAll(async () => {
  api = await startFake(() => NOW);
});
afterAll(async () => api.close());

let n = 0;
const newUser = (extra: Parameters<FakeAdmin['fake']['store']['addUser']>[0] = {}) =>
  api.fake.store.addUser({ email: `u${++n}@example.com`, ...extra });
const idOf = (u: { id: string }) => encodeNodeId('User', u.id);

const CREATE = `mutation($user: ID!, $def: AuthenticatorDefinition!) {
  createAuthenticator(input: { userID: $user, definition: $def }) { authenticator { type kind isDefault claims } } }`;

describe('Authgear fake: createAuthenticator', () => {
  it('adds a secondary OOB OTP email authenticator with the normalized address as its claim', async () => {
    const u = newUser();
    const body = await api.gql(CREATE, {
      user: idOf(u),
      def: { kind: 'SECONDARY', type: 'OOB_OTP_EMAIL', oobOtpEmail: { email: ' Backup@Example.com ' } },
    });
    expect(body.data?.createAuthenticator).toEqual({
      authenticator: {
        type: 'OOB_OTP_EMAIL',
        kind: 'SECONDARY',
        isDefault: false,
        claims: { 'https://authgear.com/claims/oob_otp/email': 'backup@example.com' },
      },
    });
  });

  it('refuses a phone that is not E.164 and an email that is not one, as ValidationFailed', async () => {
    const u = newUser();
    const sms = await api.gql(CREATE, {
      user: idOf(u),
      def: { kind: 'SECONDARY', type: 'OOB_OTP_SMS', oobOtpSMS: { phone: '4155550100' } },
    });
    expect(errorOf(sms)).toEqual({
      errorName: 'Invalid',
      reason: 'ValidationFailed',
      info: { causes: [{ location: '', kind: 'format', details: { format: 'phone' } }] },
    });
    const email = await api.gql(CREATE, {
      user: idOf(u),
      def: { kind: 'PRIMARY', type: 'OOB_OTP_EMAIL', oobOtpEmail: { email: 'not-an-email' } },
    });
    expect(errorOf(email).info).toEqual({
      causes: [{ location: '', kind: 'format', details: { format: 'email' } }],
    });
  });

  it('refuses a definition without the part its type needs, and TOTP', async () => {
    const u = newUser();
    const missing = await api.gql(CREATE, { user: idOf(u), def: { kind: 'SECONDARY', type: 'OOB_OTP_SMS' } });
    expect(missing.errors?.[0]?.message).toBe('definition/oobOtpSMS is required');
    const totp = await api.gql(CREATE, { user: idOf(u), def: { kind: 'SECONDARY', type: 'TOTP' } });
    expect(totp.errors?.[0]?.message).toBe('unsupported authenticator type');
    expect(errorOf(totp).reason).toBe('Invalid');
  });

  it('checks a password against the password policy', async () => {
    const u = newUser({ password: null });
    const body = await api.gql(CREATE, {
      user: idOf(u),
      def: { kind: 'PRIMARY', type: 'PASSWORD', password: { password: 'short' } },
    });
    expect(errorOf(body).reason).toBe('PasswordPolicyViolated');
  });

  it('refuses a second primary password as InvariantViolated / DuplicatedAuthenticator', async () => {
    const u = newUser();
    const body = await api.gql(CREATE, {
      user: idOf(u),
      def: { kind: 'PRIMARY', type: 'PASSWORD', password: { password: 'Another-password-1' } },
    });
    expect(errorOf(body)).toEqual({
      errorName: 'Invalid',
      reason: 'InvariantViolated',
      info: { cause: { kind: 'DuplicatedAuthenticator', AuthenticatorType: 'PASSWORD' } },
    });
  });

  it('answers an unknown user with a bare "unexpected error" (the insert foreign key), not UserNotFound', async () => {
    const body = await api.gql(CREATE, {
      user: encodeNodeId('User', '00000000-0000-4000-8000-000000000000'),
      def: { kind: 'SECONDARY', type: 'OOB_OTP_SMS', oobOtpSMS: { phone: '+14155550100' } },
    });
    expect(body.errors?.[0]?.message).toBe('unexpected error');
    expect(body.errors?.[0]?.extensions).toBeUndefined();
  });

  it('audits it as ADMIN_API_MUTATION_CREATE_AUTHENTICATOR_EXECUTED for the user', async () => {
    const u = newUser();
    await api.gql(CREATE, {
      user: idOf(u),
      def: { kind: 'SECONDARY', type: 'OOB_OTP_SMS', oobOtpSMS: { phone: '+14155550100' } },
    });
    expect(api.fake.store.auditLogs().at(-1)).toMatchObject({
      activityType: 'ADMIN_API_MUTATION_CREATE_AUTHENTICATOR_EXECUTED',
      userId: u.id,
    });
  });
});

const SET = `mutation($user: ID!, $endAt: DateTime!) { setMFAGracePeriod(input: { userID: $user, endAt: $endAt }) {
  user { mfaGracePeriodEndAt } } }`;
const REMOVE = `mutation($user: ID!) { removeMFAGracePeriod(input: { userID: $user }) { user { mfaGracePeriodEndAt } } }`;

describe('Authgear fake: MFA grace period', () => {
  it('sets an end up to 90 days ahead and removes it', async () => {
    const u = newUser();
    const endAt = new Date(NOW.getTime() + 90 * DAY).toISOString();
    expect((await api.gql(SET, { user: idOf(u), endAt })).data?.setMFAGracePeriod).toEqual({
      user: { mfaGracePeriodEndAt: endAt },
    });
    expect((await api.gql(REMOVE, { user: idOf(u) })).data?.removeMFAGracePeriod).toEqual({
      user: { mfaGracePeriodEndAt: null },
    });
  });

  it.each([
    ['in the past', NOW.getTime() - 1000],
    ['more than 90 days ahead', NOW.getTime() + 90 * DAY + 1000],
  ])('refuses an end %s with MFAGracePeriodInvalid', async (_when, at) => {
    const u = newUser();
    expect(errorOf(await api.gql(SET, { user: idOf(u), endAt: new Date(at).toISOString() }))).toMatchObject({
      errorName: 'Invalid',
      reason: 'MFAGracePeriodInvalid',
    });
  });

  it('refuses both on an anonymized user with UserIsAnonymized', async () => {
    const u = newUser({ isAnonymized: true });
    expect(errorOf(await api.gql(REMOVE, { user: idOf(u) })).reason).toBe('UserIsAnonymized');
  });

  it('is not written to the audit log (Authgear defines no activity type for it)', async () => {
    const u = newUser();
    const before = api.fake.store.auditLogs().length;
    await api.gql(SET, { user: idOf(u), endAt: new Date(NOW.getTime() + DAY).toISOString() });
    expect(api.fake.store.auditLogs()).toHaveLength(before);
  });
});

const BY_OAUTH = `query($alias: String!, $subject: String!) {
  getUserByOAuth(oauthProviderAlias: $alias, oauthProviderUserID: $subject) { id oauthConnections { claims } } }`;

describe('Authgear fake: getUserByOAuth', () => {
  it('finds the user with that provider alias and subject, and null for an unknown subject', async () => {
    api.fake.store.configure({ oauthProviders: ['google'] });
    const u = newUser({
      oauth: { alias: 'google', subject: '1098765432', claims: { email: 'u@gmail.com' } },
    });
    const found = await api.gql(BY_OAUTH, { alias: 'google', subject: '1098765432' });
    expect(found.data?.getUserByOAuth).toEqual({
      id: idOf(u),
      oauthConnections: [
        {
          claims: {
            'https://authgear.com/claims/oauth/provider_alias': 'google',
            'https://authgear.com/claims/oauth/subject_id': '1098765432',
            email: 'u@gmail.com',
          },
        },
      ],
    });
    expect((await api.gql(BY_OAUTH, { alias: 'google', subject: '1' })).data?.getUserByOAuth).toBeNull();
  });

  it('refuses an alias the project does not configure with GetUsersInvalidArgument', async () => {
    const body = await api.gql(BY_OAUTH, { alias: 'myspace', subject: '1' });
    expect(errorOf(body)).toMatchObject({ errorName: 'Invalid', reason: 'GetUsersInvalidArgument' });
  });
});

describe('Authgear fake: nodes', () => {
  it('answers every ID in order, null for unknown or undecodable ones', async () => {
    const a = newUser();
    const b = newUser();
    const body = await api.gql('query($ids: [ID!]!) { nodes(ids: $ids) { __typename id } }', {
      ids: [idOf(b), 'not-a-node-id', encodeNodeId('User', '00000000-0000-4000-8000-000000000001'), idOf(a)],
    });
    expect(body.data?.nodes).toEqual([
      { __typename: 'User', id: idOf(b) },
      null,
      null,
      { __typename: 'User', id: idOf(a) },
    ]);
  });
});
