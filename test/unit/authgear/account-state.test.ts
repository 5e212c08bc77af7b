import { describe, expect, it } from 'vitest';
import { accountState, canEnable, scheduledWindow } from '../../../src/authgear/account-state.js';
import { statusLines } from '../../../src/blocks/user-card.js';
import { makeUser } from '../../support/authgear-user.js';

const now = new Date('2026-03-01T12:00:00.000Z');
const u = makeUser;

describe('accountState: what Authgear computes, in the Portal’s order', () => {
  it.each([
    ['active', u({}), 'active'],
    ['disabled', u({ isDisabled: true }), 'disabled'],
    [
      'a running window',
      u({
        isDisabled: true,
        temporarilyDisabledFrom: '2026-03-01T00:00:00Z',
        temporarilyDisabledUntil: '2026-03-02T00:00:00Z',
      }),
      'temporarily_disabled',
    ],
    [
      'before the valid period',
      u({ isDisabled: true, accountValidFrom: '2026-04-01T00:00:00Z' }),
      'not_yet_valid',
    ],
    [
      'at the end of the valid period',
      u({ isDisabled: true, accountValidUntil: '2026-03-01T12:00:00.000Z' }),
      'expired',
    ],
    ['a scheduled deletion', u({ isDisabled: true, deleteAt: '2026-04-01T00:00:00Z' }), 'scheduled_deletion'],
    ['anonymized', u({ isDisabled: true, isAnonymized: true }), 'anonymized'],
  ])('%s → %s', (_n, user, kind) => {
    expect(accountState(user, now).kind).toBe(kind);
  });

  it('lets Enable apply only to a disable, never to the valid period', () => {
    expect(canEnable(accountState(u({ isDisabled: true }), now))).toBe(true);
    expect(
      canEnable(accountState(u({ isDisabled: true, accountValidUntil: '2026-01-01T00:00:00Z' }), now)),
    ).toBe(false);
  });

  it('tells a window that has not started from one that runs', () => {
    const later = u({
      temporarilyDisabledFrom: '2026-03-05T00:00:00Z',
      temporarilyDisabledUntil: '2026-03-06T00:00:00Z',
    });
    expect(scheduledWindow(later, now)).toBeDefined();
    expect(accountState(later, now).kind).toBe('active');
  });
});

describe('statusLines on the card', () => {
  it('says "outside the valid period", not "Disabled", and keeps a disable reason visible', () => {
    const lines = statusLines(
      u({ isDisabled: true, accountValidUntil: '2026-02-01T00:00:00Z', disableReason: 'audit' }),
      now,
    );
    expect(lines[0]).toMatch(/Outside the valid period: it ended/);
    expect(lines.join('\n')).not.toMatch(/^:no_entry_sign: Disabled/m);
    expect(lines).toContain(':no_entry_sign: Also disabled: audit');
  });

  it('shows a scheduled disable under an active status, and the valid period', () => {
    const lines = statusLines(
      u({
        temporarilyDisabledFrom: '2026-03-05T00:00:00Z',
        temporarilyDisabledUntil: '2026-03-06T00:00:00Z',
        accountValidFrom: '2026-01-01T00:00:00Z',
        accountValidUntil: '2026-12-31T00:00:00Z',
      }),
      now,
    );
    expect(lines[0]).toBe(':large_green_circle: Active');
    expect(lines.join('\n')).toMatch(/Disable scheduled from/);
    expect(lines.join('\n')).toMatch(/:calendar: Valid from .* until /);
  });
});
