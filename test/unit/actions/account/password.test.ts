import { describe, expect, it } from 'vitest';
import { generatePassword, PASSWORD_CLASSES } from '../../../../src/actions/user/account/password.js';

describe('generated passwords', () => {
  const samples = Array.from({ length: 200 }, () => generatePassword());

  it('are 20 characters by default', () => {
    expect(new Set(samples.map((p) => p.length))).toEqual(new Set([20]));
  });

  it('contain every character class', () => {
    for (const p of samples)
      for (const cls of PASSWORD_CLASSES)
        expect(
          [...p].some((c) => cls.includes(c)),
          p,
        ).toBe(true);
  });

  it('use no character Slack would escape or format', () => {
    for (const p of samples) expect(p).not.toMatch(/[&<>*_~`:\s]/);
  });

  it('do not repeat', () => {
    expect(new Set(samples).size).toBe(samples.length);
  });

  it('refuse a length under 16', () => {
    expect(() => generatePassword(12)).toThrow();
  });

  it('keep all classes even when the random source always picks the first character', () => {
    const p = generatePassword(16, () => 0);
    expect(p).toHaveLength(16);
    for (const cls of PASSWORD_CLASSES) expect([...p].some((c) => cls.includes(c))).toBe(true);
  });
});
