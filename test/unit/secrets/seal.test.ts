import { describe, expect, it } from 'vitest';
import { open, seal, vaultKey } from '../../../src/secrets/seal.js';
import { expectAppErrorCode } from '../../support/errors.js';
import { makeAdminKey } from '../../support/keys.js';

const key = vaultKey(makeAdminKey().privateKeyPem);
const secret = { label: 'One-time code', value: '123456' };

describe('sealing secrets', () => {
  it('round-trips for the same ID and owner, and never holds the value in clear', () => {
    const blob = seal(key, 'sv_a', 'U1', secret);
    expect(blob).toMatch(/^v1\./);
    expect(blob).not.toContain('123456');
    expect(open(key, 'sv_a', 'U1', blob)).toEqual(secret);
  });

  it('gives a different blob each time (a fresh IV)', () => {
    expect(seal(key, 'sv_a', 'U1', secret)).not.toBe(seal(key, 'sv_a', 'U1', secret));
  });

  it.each([
    ['another owner', (b: string) => open(key, 'sv_a', 'U2', b)],
    ['another ID', (b: string) => open(key, 'sv_b', 'U1', b)],
    ['another key', (b: string) => open(vaultKey(makeAdminKey().privateKeyPem), 'sv_a', 'U1', b)],
    ['an altered blob', (b: string) => open(key, 'sv_a', 'U1', `${b.slice(0, -2)}AA`)],
    ['not a blob', () => open(key, 'sv_a', 'U1', 'hello')],
  ])('refuses to open for %s', (_what, attempt) => {
    const blob = seal(key, 'sv_a', 'U1', secret);
    expectAppErrorCode(() => attempt(blob), 'internal');
  });

  it('derives the same key from the same material on every replica', () => {
    const pem = makeAdminKey().privateKeyPem;
    expect(vaultKey(pem).equals(vaultKey(pem))).toBe(true);
    expect(vaultKey(pem)).toHaveLength(32);
  });
});
