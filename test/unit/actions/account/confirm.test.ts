import { describe, expect, it } from 'vitest';
import type { AnyActionDefinition } from '../../../../src/actions/types.js';
import { accountActions } from '../../../../src/actions/user/account/index.js';
import { makeUser } from '../../../support/authgear-user.js';

const userId = 'VXNlcjp1MQ';
const SAMPLE: Record<string, Record<string, unknown>> = {
  disable: { reason: 'left' },
  'reset-password': { mode: 'generate' },
  verify: { claim: 'email' },
  unverify: { claim: 'email' },
  'revoke-session': { sessionId: 'U2Vzc2lvbjpzMQ' },
  'mfa-grace': { until: '7d' },
  'valid-period': { accountValidFrom: '2026-01-01T00:00:00.000Z', accountValidUntil: null },
  'valid-from': { value: '2026-01-01T00:00:00.000Z' },
  'valid-until': { value: null },
};
const inputFor = (def: AnyActionDefinition, extra: Record<string, unknown> = {}) =>
  def.input.parse({ ...(SAMPLE[def.key] ?? {}), ...extra, userId });
const cases = accountActions.map((d) => [d.key, d] as const);
const hostile = makeUser({ standardAttributes: { name: '<!channel> *boss*', email: 'evil@example.com' } });

describe('account actions: confirmations and summaries', () => {
  it.each(cases)('%s names the target with its escaped label', (_k, def) => {
    const c = def.confirm(inputFor(def), hostile);
    expect(c.target).toContain('&lt;!channel&gt;');
    expect(c.target).not.toContain('<!channel>');
    expect(c.consequences.length).toBeGreaterThan(0);
    expect(c.confirmLabel.length).toBeLessThanOrEqual(75);
  });

  it.each(cases)('%s has an escaped, one-line audit summary', (_k, def) => {
    const s = def.summary(inputFor(def), hostile);
    expect(s).not.toContain('<!channel>');
    expect(s).not.toContain('\n');
    expect(s).toContain('&lt;!channel&gt;');
  });

  it.each([
    ['delete', true],
    ['delete-now', true],
    ['anonymize', true],
    ['anonymize-now', true],
    ['signout', true],
    ['revoke-session', true],
    ['enable', false],
    ['disable', false],
    ['otp', false],
    ['cancel-delete', false],
  ])('%s is shown as dangerous: %s', (key, danger) => {
    const def = accountActions.find((d) => d.key === key);
    expect(def?.confirm(inputFor(def), makeUser()).danger).toBe(danger);
  });

  it('escapes a hostile disable reason in the confirmation and summary', () => {
    const def = accountActions.find((d) => d.key === 'disable');
    if (!def) throw new Error('no disable');
    const input = inputFor(def, { reason: '<@U123> *now*' });
    expect(def.confirm(input, makeUser()).consequences.join('\n')).toContain('&lt;@U123&gt;');
    expect(def.summary(input, makeUser())).not.toContain('<@U123>');
  });

  it('names the temporary window in the disable confirmation', () => {
    const def = accountActions.find((d) => d.key === 'disable');
    if (!def) throw new Error('no disable');
    const input = inputFor(def, {
      temporarilyDisabledFrom: '2030-01-01T00:00:00.000Z',
      temporarilyDisabledUntil: '2030-01-02T00:00:00.000Z',
    });
    expect(def.confirm(input, makeUser()).consequences[0]).toContain('2030-01-02 00:00 UTC');
  });

  it('says the generated password is shown only to the requester, and the sent one is not', () => {
    const def = accountActions.find((d) => d.key === 'reset-password');
    if (!def) throw new Error('no reset-password');
    const gen = def.confirm(inputFor(def, { mode: 'generate' }), makeUser()).consequences.join(' ');
    const sent = def
      .confirm(inputFor(def, { mode: 'send', expire: true }), makeUser())
      .consequences.join(' ');
    expect(gen).toMatch(/only to you/);
    expect(sent).toMatch(/emails it to alice@example.com/);
    expect(sent).toMatch(/change it/);
  });

  it('names the email or phone an OTP is generated for', () => {
    const def = accountActions.find((d) => d.key === 'otp');
    if (!def) throw new Error('no otp');
    const user = makeUser({ standardAttributes: { email: 'a@example.com', phone_number: '+85291234567' } });
    expect(def.confirm(inputFor(def), user).consequences[0]).toContain('a@example.com');
    expect(def.confirm(inputFor(def, { channel: 'phone' }), user).consequences[0]).toContain('+85291234567');
  });
});
