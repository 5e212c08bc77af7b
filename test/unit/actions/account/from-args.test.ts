import { describe, expect, it } from 'vitest';
import type { AnyActionDefinition } from '../../../../src/actions/types.js';
import { accountActions } from '../../../../src/actions/user/account/index.js';

const byKey = (key: string): AnyActionDefinition => {
  const def = accountActions.find((d) => d.key === key);
  if (def === undefined) throw new Error(`no action ${key}`);
  return def;
};

describe('account actions: slash arguments', () => {
  it.each<[string, string[], Record<string, unknown> | 'modal']>([
    ['disable', [], 'modal'],
    ['disable', ['left', 'the', 'company'], { reason: 'left the company' }],
    ['enable', [], {}],
    ['unlock', [], {}],
    ['reset-password', [], 'modal'],
    ['reset-password', ['generate'], { mode: 'generate', expire: false }],
    ['reset-password', ['send', 'expire'], { mode: 'send', expire: true }],
    ['reset-password', ['expire'], { mode: 'generate', expire: true }],
    ['reset-password', ['SEND'], { mode: 'send', expire: false }],
    ['expire-password', [], {}],
    ['send-reset', [], {}],
    ['otp', [], {}],
    ['otp', ['login'], { purpose: 'LOGIN' }],
    ['otp', ['verification'], { purpose: 'VERIFICATION' }],
    ['otp', ['verification', 'phone'], { purpose: 'VERIFICATION', channel: 'phone' }],
    ['otp', ['email'], { channel: 'email' }],
    ['signout', [], {}],
    ['revoke-session', [], {}],
    ['revoke-session', ['U2Vzc2lvbjpzMQ'], { sessionId: 'U2Vzc2lvbjpzMQ' }],
    ['verify', [], 'modal'],
    ['verify', ['email'], { claim: 'email' }],
    ['verify', ['phone'], { claim: 'phone_number' }],
    ['verify', ['email', 'a@example.com'], { claim: 'email', value: 'a@example.com' }],
    ['unverify', ['PHONE', '+85291234567'], { claim: 'phone_number', value: '+85291234567' }],
    ['delete', [], {}],
    ['delete', ['asked', 'by', 'GDPR'], { reason: 'asked by GDPR' }],
    ['cancel-delete', [], {}],
    ['delete-now', ['spam'], { reason: 'spam' }],
    ['anonymize', [], {}],
    ['cancel-anonymize', [], {}],
    ['anonymize-now', [], {}],
  ])('%s with %j gives %j', (key, args, expected) => {
    expect(byKey(key).fromArgs?.(args)).toEqual(expected);
  });

  it.each<[string, string[], string]>([
    ['otp', ['sometimes'], 'purpose'],
    ['verify', ['address'], 'claim'],
    ['reset-password', ['maybe'], 'mode'],
    ['revoke-session', [], 'sessionId'],
    ['revoke-session', ['VXNlcjp1MQ'], 'sessionId'],
  ])('%s with %j is refused on the %s field', (key, args, field) => {
    const def = byKey(key);
    const raw = def.fromArgs?.(args);
    expect(raw).not.toBe('modal');
    const parsed = def.input.safeParse({ ...(raw as Record<string, unknown>), userId: 'VXNlcjp1MQ' });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => i.path[0])).toContain(field);
  });
});
