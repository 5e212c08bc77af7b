import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../../src/errors.js';
import { encodeNodeId } from '../../../fakes/authgear/index.js';
import { type RecordsHarness, startRecordsHarness } from './harness.js';

let h: RecordsHarness;
beforeAll(async () => {
  h = await startRecordsHarness({ loginIdKeys: ['email', 'phone', 'username'] });
});
afterAll(async () => {
  await h.close();
});
beforeEach(() => {
  h.fake.requests.length = 0;
});

const failure = (p: Promise<unknown>): Promise<AppError> =>
  p.then(
    () => {
      throw new Error('expected the action to fail');
    },
    (e: unknown) => {
      if (!(e instanceof AppError)) throw e;
      return e;
    },
  );

describe('create-user', () => {
  it('creates a user with a generated password that is returned only as the secret', async () => {
    const result = await h.execute('create-user', undefined, {
      loginIdKey: 'email',
      loginId: 'new@example.com',
      password: 'generate',
    });
    const [req] = h.mutations();
    expect(req?.operationName).toBe('CreateUser');
    expect(req?.variables).toEqual({
      input: {
        definition: { loginID: { key: 'email', value: 'new@example.com' } },
        password: result.secret?.value,
        setPasswordExpired: true,
      },
    });
    expect(result.secret?.value).toMatch(/^.{20}$/);
    expect(result.message).not.toContain(result.secret?.value ?? '?');
    const created = h.fake.store.userByLoginId('email', 'new@example.com');
    expect(created?.authenticators.find((a) => a.type === 'PASSWORD')?.password).toBe(result.secret?.value);
  });

  it('creates a user without a password when none is asked for', async () => {
    const result = await h.execute('create-user', undefined, { loginIdKey: 'username', loginId: 'nopass' });
    expect(h.mutations()[0]?.variables).toEqual({
      input: { definition: { loginID: { key: 'username', value: 'nopass' } } },
    });
    expect(result.secret).toBeUndefined();
    expect(h.fake.store.userByLoginId('username', 'nopass')?.authenticators).toEqual([]);
  });

  it('turns a taken login ID into authgear.conflict', async () => {
    h.seed({ email: 'taken@example.com' });
    const e = await failure(
      h.execute('create-user', undefined, { loginIdKey: 'email', loginId: 'taken@example.com' }),
    );
    expect(e.code).toBe('authgear.conflict');
  });
});

describe('identities', () => {
  it('adds a login ID with createIdentity', async () => {
    const { fake, nodeId } = h.seed({ email: 'id1@example.com' });
    await h.execute('add-identity', nodeId, { loginIdKey: 'phone', loginId: '+15550001111' });
    expect(h.mutations().map((r) => [r.operationName, r.variables])).toEqual([
      [
        'CreateIdentity',
        { input: { userID: nodeId, definition: { loginID: { key: 'phone', value: '+15550001111' } } } },
      ],
    ]);
    expect(fake.identities.map((i) => i.value)).toEqual(['id1@example.com', '+15550001111']);
  });

  it('changes a login ID found by its current value with updateIdentity', async () => {
    const { fake, nodeId } = h.seed({ email: 'id2@example.com', username: 'oldname' });
    const identity = fake.identities.find((i) => i.loginIdKey === 'username');
    await h.execute('update-identity', nodeId, { identityId: 'oldname', loginId: 'newname' });
    expect(h.mutations()[0]?.variables).toEqual({
      input: {
        userID: nodeId,
        identityID: encodeNodeId('Identity', identity?.id ?? ''),
        definition: { loginID: { key: 'username', value: 'newname' } },
      },
    });
    expect(fake.identities.map((i) => i.value)).toEqual(['id2@example.com', 'newname']);
  });

  it('removes an identity by node ID with deleteIdentity', async () => {
    const { fake, nodeId } = h.seed({ email: 'id3@example.com', username: 'third' });
    const identityId = encodeNodeId('Identity', fake.identities[1]?.id ?? '');
    await h.execute('remove-identity', nodeId, { identityId });
    expect(h.mutations().map((r) => [r.operationName, r.variables])).toEqual([
      ['DeleteIdentity', { input: { identityID: identityId } }],
    ]);
    expect(fake.identities.map((i) => i.value)).toEqual(['id3@example.com']);
  });

  it("turns Authgear's RemoveLastIdentity into a kind authgear.invalid", async () => {
    const { fake, nodeId } = h.seed({ email: 'last@example.com' });
    const identityId = encodeNodeId('Identity', fake.identities[0]?.id ?? '');
    const e = await failure(h.execute('remove-identity', nodeId, { identityId }));
    expect(e.code).toBe('authgear.invalid');
    expect(e.details.cause).toBe('RemoveLastIdentity');
    expect(e.userMessage).not.toMatch(/InvariantViolated|cannot remove/);
    expect(fake.identities).toHaveLength(1);
  });
});

describe('authenticators and authorizations', () => {
  it('removes an authenticator with deleteAuthenticator', async () => {
    const { fake, nodeId } = h.seed({ email: 'mfa@example.com', totp: true });
    const totp = fake.authenticators.find((a) => a.type === 'TOTP');
    const authenticatorId = encodeNodeId('Authenticator', totp?.id ?? '');
    await h.execute('remove-authenticator', nodeId, { authenticatorId });
    expect(h.mutations().map((r) => [r.operationName, r.variables])).toEqual([
      ['DeleteAuthenticator', { input: { authenticatorID: authenticatorId } }],
    ]);
    expect(fake.authenticators.map((a) => a.type)).toEqual(['PASSWORD']);
  });

  it('removes an authorization named by client ID after reading the user’s authorizations', async () => {
    const { fake, nodeId } = h.seed({
      email: 'oauth@example.com',
      authorizations: [{ clientID: 'crm' }, { clientID: 'wiki' }],
    });
    const wiki = fake.authorizations.find((a) => a.clientID === 'wiki');
    await h.execute('remove-authorization', nodeId, { authorizationId: 'wiki' });
    expect(h.fake.requests.map((r) => r.operationName)).toEqual([
      'GetUserNode',
      'GetUserAuthorizations',
      'DeleteAuthorization',
    ]);
    expect(h.mutations()[0]?.variables).toEqual({
      input: { authorizationID: encodeNodeId('Authorization', wiki?.id ?? '') },
    });
    expect(fake.authorizations.map((a) => a.clientID)).toEqual(['crm']);
  });

  it('refuses an authorization of another user without sending a mutation', async () => {
    const other = h.seed({ email: 'other@example.com', authorizations: [{ clientID: 'crm' }] });
    const { nodeId } = h.seed({ email: 'mine@example.com' });
    const authorizationId = encodeNodeId('Authorization', other.fake.authorizations[0]?.id ?? '');
    const e = await failure(h.execute('remove-authorization', nodeId, { authorizationId }));
    expect(e.code).toBe('state.no_change');
    expect(h.mutations()).toEqual([]);
    expect(other.fake.authorizations).toHaveLength(1);
  });
});
