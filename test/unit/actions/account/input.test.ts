import { describe, expect, it } from 'vitest';
import type { AnyActionDefinition, FieldValues } from '../../../../src/actions/types.js';
import { accountActions } from '../../../../src/actions/user/account/index.js';

const byKey = (key: string): AnyActionDefinition => {
  const def = accountActions.find((d) => d.key === key);
  if (def === undefined) throw new Error(`no action ${key}`);
  return def;
};
const userId = 'VXNlcjp1MQ';
const FROM = '2030-01-01T00:00:00.000Z';
const UNTIL = '2030-01-02T00:00:00.000Z';

describe('account actions: input validation', () => {
  it.each<[string, Record<string, unknown>, string]>([
    ['disable', {}, 'reason'],
    ['disable', { reason: '   ' }, 'reason'],
    ['disable', { reason: 'x'.repeat(501) }, 'reason'],
    ['disable', { reason: 'r', temporarilyDisabledFrom: FROM }, 'temporarilyDisabledUntil'],
    ['disable', { reason: 'r', temporarilyDisabledUntil: UNTIL }, 'temporarilyDisabledFrom'],
    [
      'disable',
      { reason: 'r', temporarilyDisabledFrom: UNTIL, temporarilyDisabledUntil: FROM },
      'temporarilyDisabledUntil',
    ],
    [
      'disable',
      { reason: 'r', temporarilyDisabledFrom: 'tomorrow', temporarilyDisabledUntil: UNTIL },
      'temporarilyDisabledFrom',
    ],
    ['reset-password', {}, 'mode'],
    ['reset-password', { mode: 'email-it' }, 'mode'],
    ['otp', { purpose: 'SIGNUP' }, 'purpose'],
    ['otp', { channel: 'pigeon' }, 'channel'],
    ['verify', {}, 'claim'],
    ['verify', { claim: 'name' }, 'claim'],
    ['revoke-session', { sessionId: 'not a node id' }, 'sessionId'],
    ['delete', { reason: 'x'.repeat(501) }, 'reason'],
  ])('%s refuses %j on the %s field, and only there', (key, raw, field) => {
    const parsed = byKey(key).input.safeParse({ ...raw, userId });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => i.path)).toEqual([[field]]);
  });

  it.each(accountActions.map((d) => [d.key, d] as const))(
    '%s refuses an input without a target user',
    (_k, def) => {
      const raw = { reason: 'r', mode: 'generate', claim: 'email', sessionId: 'U2Vzc2lvbjpzMQ' };
      expect(def.input.safeParse(raw).success).toBe(false);
    },
  );

  it.each<[string, Record<string, unknown>, Record<string, unknown>]>([
    ['disable', { reason: '  left  ' }, { userId, reason: 'left' }],
    [
      'disable',
      { reason: 'r', temporarilyDisabledFrom: FROM, temporarilyDisabledUntil: UNTIL },
      { userId, reason: 'r', temporarilyDisabledFrom: FROM, temporarilyDisabledUntil: UNTIL },
    ],
    ['reset-password', { mode: 'send' }, { userId, mode: 'send', expire: false }],
    ['otp', {}, { userId, purpose: 'LOGIN' }],
    ['delete', { reason: '' }, { userId }],
    ['verify', { claim: 'phone_number' }, { userId, claim: 'phone_number' }],
  ])('%s accepts %j', (key, raw, expected) => {
    expect(byKey(key).input.parse({ ...raw, userId })).toEqual(expected);
  });

  it('field ids of every form equal input keys, so errors land on the right block', () => {
    for (const def of accountActions) {
      const input: object = def.input;
      const shape =
        'shape' in input && typeof input.shape === 'object' && input.shape !== null ? input.shape : undefined;
      for (const f of def.fields?.(undefined) ?? []) {
        const values: FieldValues = { [f.id]: 'x' };
        expect(Object.keys(def.fromFields?.(values) ?? {}), `${def.key}.${f.id}`).toContain(f.id);
        if (shape) expect(Object.keys(shape), `${def.key}.${f.id}`).toContain(f.id);
      }
    }
  });

  it.each<[string, FieldValues, Record<string, unknown>]>([
    [
      'disable',
      { reason: ' r ', temporarilyDisabledFrom: FROM, temporarilyDisabledUntil: UNTIL },
      { reason: 'r', temporarilyDisabledFrom: FROM, temporarilyDisabledUntil: UNTIL },
    ],
    [
      'disable',
      { reason: 'r' },
      { reason: 'r', temporarilyDisabledFrom: undefined, temporarilyDisabledUntil: undefined },
    ],
    ['reset-password', { mode: 'send', expire: 'yes' }, { mode: 'send', expire: true }],
    ['reset-password', { mode: 'generate' }, { mode: 'generate', expire: false }],
    ['verify', { claim: 'email', value: '' }, { claim: 'email', value: undefined }],
  ])('%s reads the form %j', (key, values, expected) => {
    expect(byKey(key).fromFields?.(values)).toEqual(expected);
  });
});
