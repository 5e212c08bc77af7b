import { describe, expect, it } from 'vitest';
import { indexActions } from '../../../../src/actions/registry.js';
import { accountActions } from '../../../../src/actions/user/account/index.js';
import { isActionName } from '../../../../src/permissions/actions.js';
import { makeUser } from '../../../support/authgear-user.js';

const EXPECTED: Record<string, string> = {
  disable: 'user.disable',
  enable: 'user.enable',
  'cancel-disable': 'user.enable',
  'valid-period': 'user.valid_period',
  'valid-from': 'user.valid_period',
  'valid-until': 'user.valid_period',
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

const NOW = new Date('2026-03-01T12:00:00.000Z');
const shownFor = (overrides: Parameters<typeof makeUser>[0]) =>
  accountActions
    .filter((d) => d.cardButton && (d.cardButton.show?.(makeUser(overrides), NOW) ?? true))
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

  it('offers no Enable (and no Disable) to a user outside the valid period, but the valid period', () => {
    for (const overrides of [
      { isDisabled: true, accountValidUntil: '2026-02-01T00:00:00Z' },
      { isDisabled: true, accountValidFrom: '2026-04-01T00:00:00Z' },
    ]) {
      const keys = shownFor(overrides);
      expect(keys).not.toContain('enable');
      expect(keys).not.toContain('disable');
      expect(keys).toContain('valid-period');
    }
  });

  it('offers Enable during a running temporary window, and Cancel scheduled disable before one', () => {
    const running = {
      isDisabled: true,
      temporarilyDisabledFrom: '2026-02-28T00:00:00Z',
      temporarilyDisabledUntil: '2026-03-02T00:00:00Z',
    };
    expect(shownFor(running)).toContain('enable');
    expect(shownFor(running)).not.toContain('cancel-disable');
    const scheduled = {
      temporarilyDisabledFrom: '2026-03-05T00:00:00Z',
      temporarilyDisabledUntil: '2026-03-06T00:00:00Z',
    };
    expect(shownFor(scheduled)).toContain('cancel-disable');
    expect(shownFor(scheduled)).not.toContain('enable');
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
