import { describe, expect, it } from 'vitest';
import {
  parseBound,
  periodText,
  validFromAction,
  validPeriodAction,
} from '../../../../src/actions/user/account/valid-period.js';
import { AppError } from '../../../../src/errors.js';
import { makeUser } from '../../../support/authgear-user.js';

const USAGE = 'valid-period <who> [from|-] [until|-]';
const NOW = new Date('2026-03-01T12:00:00.000Z');

describe('valid-period arguments', () => {
  it.each([
    ['2026-05-01', '2026-05-01T00:00:00.000Z'],
    ['2026-05-01T09:30Z', '2026-05-01T09:30:00.000Z'],
    ['2026-05-01T09:30:00+08:00', '2026-05-01T01:30:00.000Z'],
    ['clear', null],
    ['-', null],
  ])('reads %s', (token, expected) => {
    expect(parseBound(token, USAGE)).toBe(expected);
  });

  it('answers an unreadable date with usage', () => {
    expect(() => parseBound('tomorrow', USAGE)).toThrow(AppError);
  });

  it('opens the form with no dates, and takes one or two', () => {
    expect(validPeriodAction.fromArgs?.([])).toBe('modal');
    expect(validPeriodAction.fromArgs?.(['2026-01-01'])).toEqual({
      accountValidFrom: '2026-01-01T00:00:00.000Z',
      accountValidUntil: null,
    });
    expect(validPeriodAction.fromArgs?.(['-', '2027-01-01'])).toEqual({
      accountValidFrom: null,
      accountValidUntil: '2027-01-01T00:00:00.000Z',
    });
  });

  it('describes a period in words', () => {
    expect(periodText(null, null)).toBe('no valid period (always valid)');
    expect(periodText('2026-01-01T00:00:00Z', null)).toBe('from 2026-01-01 00:00 UTC until no end');
  });
});

describe('valid-period checks', () => {
  it('sends nothing when the period is already so (however Authgear spells the time)', () => {
    const user = makeUser({ accountValidFrom: '2026-01-01T00:00:00Z', accountValidUntil: null });
    const input = validPeriodAction.input.parse({
      userId: user.id,
      accountValidFrom: '2026-01-01T00:00:00.000Z',
      accountValidUntil: null,
    });
    expect(() => validPeriodAction.check?.(input, user, NOW)).toThrow(/already valid/);
  });

  it('valid-from keeps the current end and refuses a start after it', () => {
    const user = makeUser({ accountValidUntil: '2026-06-01T00:00:00Z' });
    const input = validFromAction.input.parse({ userId: user.id, value: '2026-07-01T00:00:00.000Z' });
    expect(() => validFromAction.check?.(input, user, NOW)).toThrow(/start before it ends/);
  });
});
