import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FakeUser, FakeUserSeed } from '../../../fakes/authgear/index.js';
import { type ActionHarness, startHarness, uniqueEmail } from './harness.js';

let h: ActionHarness;
beforeAll(async () => {
  h = await startHarness({ loginIdKeys: ['email', 'phone'] });
});
afterAll(async () => {
  await h.close();
});

const mutations = (from: number) =>
  h.fake.requests.slice(from).filter((r) => r.query.trimStart().startsWith('mutation'));

interface Case {
  key: string;
  seed: FakeUserSeed;
  raw?: Record<string, unknown>;
  operationName: string;
  variables: (nodeId: string, u: FakeUser) => Record<string, unknown>;
  after: (u: FakeUser | undefined, h: ActionHarness) => void;
}

const FROM = '2030-01-01T00:00:00.000Z';
const UNTIL = '2030-01-08T00:00:00.000Z';
const email = uniqueEmail;

const cases: [string, Case][] = [
  [
    'disable sets isDisabled with the reason',
    {
      key: 'disable',
      seed: {},
      raw: { reason: 'left the company' },
      operationName: 'SetDisabledStatus',
      variables: (id) => ({ userID: id, isDisabled: true, reason: 'left the company' }),
      after: (u, hh) => {
        expect(u && hh.fake.store.status(u).isDisabled).toBe(true);
        expect(u?.disableReason).toBe('left the company');
      },
    },
  ],
  [
    'disable with a window sends both timestamps',
    {
      key: 'disable',
      seed: {},
      raw: { reason: 'holiday', temporarilyDisabledFrom: FROM, temporarilyDisabledUntil: UNTIL },
      operationName: 'SetDisabledStatus',
      variables: (id) => ({
        userID: id,
        isDisabled: true,
        reason: 'holiday',
        temporarilyDisabledFrom: FROM,
        temporarilyDisabledUntil: UNTIL,
      }),
      after: (u) => {
        expect(u?.temporarilyDisabledFrom).toBe(FROM);
        expect(u?.temporarilyDisabledUntil).toBe(UNTIL);
      },
    },
  ],
  [
    'enable clears the disabled status',
    {
      key: 'enable',
      seed: { isDisabled: true, disableReason: 'x' },
      operationName: 'SetDisabledStatus',
      variables: (id) => ({ userID: id, isDisabled: false }),
      after: (u, hh) => expect(u && hh.fake.store.status(u).isDisabled).toBe(false),
    },
  ],
  [
    'unlock resets the lockout',
    {
      key: 'unlock',
      seed: { accountLockout: { isLocked: true, lockedUntil: '2030-01-01T00:00:00Z' } },
      operationName: 'ResetAccountLockout',
      variables: (id) => ({ userID: id }),
      after: (u) => expect(u?.accountLockout.isLocked).toBe(false),
    },
  ],
  [
    'reset-password send asks Authgear to send and expire it',
    {
      key: 'reset-password',
      seed: {},
      raw: { mode: 'send', expire: true },
      operationName: 'ResetPassword',
      variables: (id) => ({ userID: id, sendPassword: true, setPasswordExpired: true }),
      after: (u, hh) => {
        expect(hh.fake.store.sentMessages.at(-1)).toMatchObject({ kind: 'password', userId: u?.id });
        expect(u?.authenticators.find((a) => a.type === 'PASSWORD')?.expireAfter).not.toBeNull();
      },
    },
  ],
  [
    'expire-password sets the password expired',
    {
      key: 'expire-password',
      seed: {},
      operationName: 'SetPasswordExpired',
      variables: (id) => ({ userID: id, expired: true }),
      after: (u) => expect(u?.authenticators.find((a) => a.type === 'PASSWORD')?.expireAfter).toBe(NOW_ISO),
    },
  ],
  [
    'send-reset sends to the email login ID',
    {
      key: 'send-reset',
      seed: { email: 'reset.me@example.com' },
      operationName: 'SendResetPasswordMessage',
      variables: () => ({ loginID: 'reset.me@example.com' }),
      after: (u, hh) =>
        expect(hh.fake.store.sentMessages.at(-1)).toMatchObject({
          kind: 'reset_password_link',
          userId: u?.id,
        }),
    },
  ],
  [
    'signout revokes every session',
    {
      key: 'signout',
      seed: { sessions: 3 },
      operationName: 'RevokeAllSessions',
      variables: (id) => ({ userID: id }),
      after: (u) => expect(u?.sessions).toEqual([]),
    },
  ],
  [
    'verify marks the current phone verified',
    {
      key: 'verify',
      seed: { phone: '+85291234567', phoneVerified: false },
      raw: { claim: 'phone_number' },
      operationName: 'SetVerifiedStatus',
      variables: (id) => ({
        userID: id,
        claimName: 'phone_number',
        claimValue: '+85291234567',
        isVerified: true,
      }),
      after: (u) => expect(u?.verifiedClaims).toContainEqual({ name: 'phone_number', value: '+85291234567' }),
    },
  ],
  [
    'unverify marks the current email unverified',
    {
      key: 'unverify',
      seed: { email: 'verified@example.com' },
      raw: { claim: 'email' },
      operationName: 'SetVerifiedStatus',
      variables: (id) => ({
        userID: id,
        claimName: 'email',
        claimValue: 'verified@example.com',
        isVerified: false,
      }),
      after: (u) => expect(u?.verifiedClaims).toEqual([]),
    },
  ],
  [
    'delete schedules the deletion with the reason',
    {
      key: 'delete',
      seed: {},
      raw: { reason: 'asked by the user' },
      operationName: 'ScheduleAccountDeletion',
      variables: (id) => ({ userID: id, reason: 'asked by the user' }),
      after: (u) => {
        expect(u?.deleteAt).not.toBeNull();
        expect(u?.deleteReason).toBe('asked by the user');
      },
    },
  ],
  [
    'cancel-delete unschedules the deletion',
    {
      key: 'cancel-delete',
      seed: { isDisabled: true, deleteAt: '2025-07-01T00:00:00.000Z' },
      operationName: 'UnscheduleAccountDeletion',
      variables: (id) => ({ userID: id }),
      after: (u, hh) => {
        expect(u?.deleteAt).toBeNull();
        expect(u && hh.fake.store.status(u).isDisabled).toBe(false);
      },
    },
  ],
  [
    'delete-now deletes the user',
    {
      key: 'delete-now',
      seed: {},
      raw: { reason: 'spam' },
      operationName: 'DeleteUser',
      variables: (id) => ({ userID: id, reason: 'spam' }),
      after: (u) => expect(u).toBeUndefined(),
    },
  ],
  [
    'anonymize schedules the anonymization',
    {
      key: 'anonymize',
      seed: {},
      operationName: 'ScheduleAccountAnonymization',
      variables: (id) => ({ userID: id }),
      after: (u) => expect(u?.anonymizeAt).not.toBeNull(),
    },
  ],
  [
    'cancel-anonymize unschedules the anonymization',
    {
      key: 'cancel-anonymize',
      seed: { isDisabled: true, anonymizeAt: '2025-07-01T00:00:00.000Z' },
      operationName: 'UnscheduleAccountAnonymization',
      variables: (id) => ({ userID: id }),
      after: (u) => expect(u?.anonymizeAt).toBeNull(),
    },
  ],
  [
    'anonymize-now anonymizes the user',
    {
      key: 'anonymize-now',
      seed: {},
      operationName: 'AnonymizeUser',
      variables: (id) => ({ userID: id }),
      after: (u) => {
        expect(u?.isAnonymized).toBe(true);
        expect(u?.standardAttributes).toEqual({});
      },
    },
  ],
];
const NOW_ISO = '2025-06-01T12:00:00.000Z';

describe('account actions against the Authgear fake', () => {
  it.each(cases)('%s', async (_label, c) => {
    const { fake, nodeId } = h.seed({ email: email(), ...c.seed });
    const before = h.fake.requests.length;
    const result = await h.execute(c.key, nodeId, c.raw);
    const sent = mutations(before);
    expect(sent.map((r) => r.operationName)).toEqual([c.operationName]);
    expect(sent[0]?.variables).toEqual(c.variables(nodeId, fake));
    expect(sent[0]?.jwt.claims.audit_context).toMatchObject({ slack_user_id: 'U0ADMIN' });
    c.after(h.fake.store.user(fake.id), h);
    expect(result.secret).toBeUndefined();
    expect(result.message.length).toBeGreaterThan(0);
  });

  it('reset-password generate sets a strong password the fake stores, returned only as the secret', async () => {
    const { fake, nodeId } = h.seed({ email: email() });
    const before = h.fake.requests.length;
    const result = await h.execute('reset-password', nodeId, { mode: 'generate' });
    const sent = mutations(before);
    expect(sent.map((r) => r.operationName)).toEqual(['ResetPassword']);
    const password = result.secret?.value ?? '';
    expect(password).toHaveLength(20);
    expect(sent[0]?.variables).toEqual({ userID: nodeId, password });
    expect(h.fake.store.user(fake.id)?.authenticators.find((a) => a.type === 'PASSWORD')?.password).toBe(
      password,
    );
    expect(result.message).not.toContain(password);
  });

  it.each([
    ['login by default', {}, 'LOGIN'],
    ['for verification', { purpose: 'VERIFICATION' }, 'VERIFICATION'],
  ])(
    'otp generates a code %s for the user’s email and returns it only as the secret',
    async (_l, raw, purpose) => {
      const address = email();
      const { nodeId } = h.seed({ email: address });
      const before = h.fake.requests.length;
      const result = await h.execute('otp', nodeId, raw);
      const sent = mutations(before);
      expect(sent.map((r) => r.operationName)).toEqual(['GenerateOOBOTPCode']);
      expect(sent[0]?.variables).toEqual({ target: address, purpose });
      const generated = h.fake.store.sentMessages.at(-1);
      expect(generated).toMatchObject({ kind: 'otp_code', target: address, purpose });
      expect(result.secret?.value).toBe(generated?.kind === 'otp_code' ? generated.code : 'missing');
      expect(result.message).not.toContain(result.secret?.value ?? 'x');
    },
  );

  it('otp for phone targets the phone number', async () => {
    const { nodeId } = h.seed({ email: email(), phone: '+85290000001' });
    const before = h.fake.requests.length;
    await h.execute('otp', nodeId, { channel: 'phone' });
    expect(mutations(before)[0]?.variables).toEqual({ target: '+85290000001', purpose: 'LOGIN' });
  });
});
