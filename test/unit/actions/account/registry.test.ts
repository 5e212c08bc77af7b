import { describe, expect, it } from 'vitest';
import { indexActions } from '../../../../src/actions/registry.js';
import { accountActions } from '../../../../src/actions/user/account/index.js';
import { isActionName } from '../../../../src/permissions/actions.js';
import { makeUser } from '../../../support/authgear-user.js';

const EXPECTED: Record<string, string> = {
  disable: 'user.disable',
  enable: 'user.enable',
  unlock: 'user.disable',
  'reset-password': 'user.reset_password',
  'expire-password': 'user.reset_password',
  'send-reset': 'user.send_reset',
  otp: 'user.otp',
  signout: 'user.revoke_sessions',
  'revoke-session': 'user.revoke_sessions',
  verify: 'user.verify',
  unverify: 'user.verify',
  delete: 'user.delete',
  'cancel-delete': 'user.delete',
  'delete-now': 'user.delete',
  anonymize: 'user.anonymize',
  'cancel-anonymize': 'user.anonymize',
  'anonymize-now': 'user.anonymize',
};

const shownFor = (overrides: Parameters<typeof makeUser>[0]) =>
  accountActions
    .filter((d) => d.cardButton && (d.cardButton.show?.(makeUser(overrides)) ?? true))
    .map((d) => d.key);

describe('account action list', () => {
  it('holds every account action once, with unique keys and verbs, the pinned ones included', () => {
    expect(() => indexActions(accountActions)).not.toThrow();
    expect(accountActions.map((d) => d.key)).toEqual(expect.arrayContaining(Object.keys(EXPECTED)));
  });

  it.each(Object.entries(EXPECTED))('%s needs the %s permission', (key, permission) => {
    const def = accountActions.find((d) => d.key === key);
    expect(def?.permission).toBe(permission);
    expect(isActionName(permission)).toBe(true);
    expect(def?.verbs).toContain(key);
    expect(def?.usage.startsWith(`${key} <who>`)).toBe(true);
  });

  it('puts Disable, not Enable, on an active user’s card', () => {
    expect(shownFor({})).toEqual(
      expect.arrayContaining(['disable', 'reset-password', 'send-reset', 'otp', 'signout', 'delete']),
    );
    expect(shownFor({})).not.toContain('enable');
    expect(shownFor({})).not.toContain('cancel-delete');
  });

  it('puts Enable, not Disable, on a disabled user’s card', () => {
    const keys = shownFor({ isDisabled: true });
    expect(keys).toContain('enable');
    expect(keys).not.toContain('disable');
  });

  it('offers Cancel deletion instead of Schedule deletion when one is scheduled', () => {
    const keys = shownFor({ isDisabled: true, deleteAt: '2030-01-01T00:00:00Z' });
    expect(keys).toContain('cancel-delete');
    expect(keys).not.toContain('delete');
    expect(keys).not.toContain('enable');
  });

  it('hides Sign out everywhere without sessions and shows Unlock only when locked', () => {
    expect(shownFor({ sessions: { totalCount: 0 } })).not.toContain('signout');
    expect(shownFor({})).not.toContain('unlock');
    expect(
      shownFor({
        accountLockout: { isLocked: true, lockedUntil: null, lockoutType: 'per_user', lockedIPs: [] },
      }),
    ).toContain('unlock');
  });
});
