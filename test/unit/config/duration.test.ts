import { describe, expect, it } from 'vitest';
import { MAX_DURATION_MS, parseDuration, readDuration } from '../../../src/config/duration.js';

describe('parseDuration', () => {
  it.each([
    ['90s', 90_000],
    ['30m', 1_800_000],
    ['1h30m', 5_400_000],
    ['7d', 604_800_000],
  ])('reads %s', (text, ms) => {
    expect(parseDuration(text)).toBe(ms);
  });

  it.each([
    ['malformed', 'yesterday'],
    ['zero', '0s'],
    ['a number too long to be a duration', '99999999999999999999d'],
    ['longer than any duration the bot takes', '3651d'],
    ['a very long string', '1s'.repeat(100)],
  ])('refuses %s', (_what, text) => {
    expect(parseDuration(text)).toBeUndefined();
  });

  it("refuses anything over the caller's bound, and nothing under it", () => {
    expect(parseDuration('25h', 86_400_000)).toBeUndefined();
    expect(parseDuration('24h', 86_400_000)).toBe(86_400_000);
    expect(parseDuration('3650d')).toBe(MAX_DURATION_MS);
  });
});

describe('readDuration', () => {
  it.each([
    ['2h', { kind: 'ok', ms: 7_200_000 }],
    ['0m', { kind: 'zero' }],
    ['0h0m', { kind: 'zero' }],
    ['99999999999h', { kind: 'too_long' }],
    ['3651d', { kind: 'too_long' }],
    ['yesterday', { kind: 'malformed' }],
    ['1s'.repeat(100), { kind: 'malformed' }],
  ])('tells %s apart', (text, expected) => {
    expect(readDuration(text)).toEqual(expected);
  });
});
