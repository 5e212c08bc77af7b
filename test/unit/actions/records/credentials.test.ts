import { describe, expect, it } from 'vitest';
import { makeAddIdentityAction } from '../../../../src/actions/user/records/add-identity.js';
import { removeAuthenticatorAction } from '../../../../src/actions/user/records/remove-authenticator.js';
import { removeAuthorizationAction } from '../../../../src/actions/user/records/remove-authorization.js';
import { removeIdentityAction } from '../../../../src/actions/user/records/remove-identity.js';
import { updateIdentityAction } from '../../../../src/actions/user/records/update-identity.js';
import { AppError } from '../../../../src/errors.js';
import { loginIdentity, makeUser, totp } from '../../../support/authgear-user.js';
import { expectAppErrorCode } from '../../../support/errors.js';

const addIdentityAction = makeAddIdentityAction({ loginIdKeys: ['email', 'phone', 'username'] });
const NOW = new Date('2026-03-01T00:00:00Z');
const email = loginIdentity('email', 'alice@example.com');
const username = loginIdentity('username', 'alice');
const user = makeUser({
  identities: { totalCount: 2, nodes: [email, username] },
  authenticators: { totalCount: 1, nodes: [totp('Work phone')] },
});

describe('add-identity on a project with email and phone login IDs only', () => {
  const limited = makeAddIdentityAction({ loginIdKeys: ['email', 'phone'] });

  it('offers only those kinds in the form', () => {
    const select = limited.fields?.(user).find((f) => f.id === 'loginIdKey');
    expect(select?.kind === 'select' ? select.options.map((o) => o.value) : []).toEqual(['email', 'phone']);
  });

  it('refuses a username in words before sending anything', () => {
    const input = limited.input.parse({ userId: user.id, loginIdKey: 'username', loginId: 'alice2' });
    expectAppErrorCode(() => limited.check?.(input, user, NOW), 'input.invalid');
  });
});

describe('add-identity', () => {
  it('infers the login ID type from the value', () => {
    expect(addIdentityAction.fromArgs?.(['+15551234567'])).toEqual({
      loginIdKey: 'phone',
      loginId: '+15551234567',
    });
    expect(addIdentityAction.fromArgs?.([])).toBe('modal');
  });

  it('says there is nothing to do when the user already has that login ID', () => {
    const input = { userId: user.id, loginIdKey: 'email' as const, loginId: 'ALICE@example.com' };
    expectAppErrorCode(() => addIdentityAction.check?.(input, user, NOW), 'state.no_change');
  });

  it('confirms naming the target and the new login ID', () => {
    const c = addIdentityAction.confirm(
      { userId: user.id, loginIdKey: 'phone', loginId: '+15551234567' },
      user,
    );
    expect(c.target).toBe('Alice &lt;alice@example.com&gt;');
    expect(c.consequences).toEqual(['The user can also sign in with the phone number +15551234567.']);
  });
});

describe('update-identity', () => {
  it('reads the current and the new value', () => {
    expect(updateIdentityAction.fromArgs?.(['alice', 'alice2'])).toEqual({
      identityId: 'alice',
      loginId: 'alice2',
    });
    expectAppErrorCode(() => updateIdentityAction.fromArgs?.(['alice']), 'input.usage');
  });

  it('checks the new value against the kind of the identity, on the loginId block', () => {
    let fields: Record<string, string> | undefined;
    try {
      updateIdentityAction.check?.({ userId: user.id, identityId: email.id, loginId: 'nope' }, user, NOW);
    } catch (e) {
      fields = e instanceof AppError ? e.fields : undefined;
    }
    expect(Object.keys(fields ?? {})).toEqual(['loginId']);
  });

  it('refuses an identity the user does not have', () => {
    const input = { userId: user.id, identityId: 'bob@example.com', loginId: 'x@example.com' };
    expectAppErrorCode(() => updateIdentityAction.check?.(input, user, NOW), 'input.invalid');
  });

  it('confirms old and new values', () => {
    const c = updateIdentityAction.confirm({ userId: user.id, identityId: 'alice', loginId: 'alice2' }, user);
    expect(c.consequences[0]).toBe('username alice becomes alice2.');
  });
});

describe('remove-identity', () => {
  it('finds the identity by node ID or by login value', () => {
    expectAppErrorCode(
      () => removeIdentityAction.check?.({ userId: user.id, identityId: email.id }, user, NOW),
      undefined,
    );
    expectAppErrorCode(
      () => removeIdentityAction.check?.({ userId: user.id, identityId: 'Alice@Example.com' }, user, NOW),
      undefined,
    );
    expectAppErrorCode(
      () => removeIdentityAction.check?.({ userId: user.id, identityId: 'zzz' }, user, NOW),
      'input.invalid',
    );
  });

  it('offers the identities in its form, keyed by the input field', () => {
    const [field] = removeIdentityAction.fields?.(user) ?? [];
    expect(field).toMatchObject({
      id: 'identityId',
      options: [
        { value: email.id, label: 'email alice@example.com' },
        { value: username.id, label: 'username alice' },
      ],
    });
  });

  it('confirms as a dangerous action naming what goes', () => {
    const c = removeIdentityAction.confirm({ userId: user.id, identityId: email.id }, user);
    expect(c.danger).toBe(true);
    expect(c.consequences[0]).toBe('The user can no longer sign in with email alice@example.com.');
    expect(removeIdentityAction.summary({ userId: user.id, identityId: email.id }, user)).toBe(
      'Removed identity email alice@example.com',
    );
  });
});

describe('remove-authenticator', () => {
  const [a] = user.authenticators.nodes;
  const id = a?.id ?? '';

  it('refuses an authenticator the user does not have', () => {
    expectAppErrorCode(
      () => removeAuthenticatorAction.check?.({ userId: user.id, authenticatorId: 'nope' }, user, NOW),
      'input.invalid',
    );
  });

  it('confirms naming the authenticator', () => {
    const c = removeAuthenticatorAction.confirm({ userId: user.id, authenticatorId: id }, user);
    expect(c.danger).toBe(true);
    expect(c.consequences[0]).toBe(
      'The user can no longer use secondary TOTP (Work phone) to sign in. This cannot be undone: they must enrol it again.',
    );
  });
});

describe('remove-authorization', () => {
  it('needs exactly one authorization reference', () => {
    expect(removeAuthorizationAction.fromArgs?.(['portal'])).toEqual({ authorizationId: 'portal' });
    expectAppErrorCode(() => removeAuthorizationAction.fromArgs?.([]), 'input.usage');
  });

  it('confirms as dangerous and escapes the reference', () => {
    const c = removeAuthorizationAction.confirm({ userId: user.id, authorizationId: '<x>' }, user);
    expect(c.danger).toBe(true);
    expect(c.consequences[0]).toContain('&lt;x&gt;');
  });
});
