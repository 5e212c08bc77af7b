import { describe, expect, it } from 'vitest';
import { extendGrantAction } from '../../../src/actions/grants/extend-grant.js';
import { grantAction } from '../../../src/actions/grants/grant.js';
import { revokeGrantAction } from '../../../src/actions/grants/revoke-grant.js';
import { parsePolicyText } from '../../../src/config/policy.js';
import { makeUser } from '../../support/authgear-user.js';
import { expectAppErrorCode } from '../../support/errors.js';

const NOW = new Date('2030-01-01T00:00:00Z');
const user = makeUser();
const parse = (raw: Record<string, unknown>) => grantAction.input.safeParse({ ...raw, userId: user.id });

describe('grant input', () => {
  it.each([
    [
      ['role:oncall', 'for', '2h', 'incident', '42'],
      { kind: 'role', key: 'oncall', durationMs: 7_200_000, reason: 'incident 42' },
    ],
    [['group:night_shift', '30m'], { kind: 'group', key: 'night_shift', durationMs: 1_800_000 }],
    [['ROLE:Ops', 'for', '1h30m'], { kind: 'role', key: 'Ops', durationMs: 5_400_000 }],
  ])('reads %j', (args, expected) => {
    expect(grantAction.fromArgs?.(args)).toEqual(expected);
    expect(parse(grantAction.fromArgs?.(args) as Record<string, unknown>).success).toBe(true);
  });

  it('asks for a form when nothing follows the user', () => {
    expect(grantAction.fromArgs?.([])).toBe('modal');
  });

  it.each([
    [['oncall', 'for', '2h'], 'kind'],
    [['role:oncall', 'for', 'soon'], 'durationMs'],
    [['role:oncall'], 'durationMs'],
    [['role:9lives', 'for', '1h'], 'key'],
    [['role:authgear:admin', 'for', '1h'], 'key'],
  ])('refuses %j, naming %s', (args, field) => {
    const parsed = parse(grantAction.fromArgs?.(args) as Record<string, unknown>);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => i.path.join('.'))).toContain(field);
  });

  it('reads the form the same way', () => {
    expect(grantAction.fromFields?.({ kind: 'group', key: ' oncall ', duration: '45m', reason: '' })).toEqual(
      {
        kind: 'group',
        key: 'oncall',
        durationMs: 2_700_000,
        reason: undefined,
      },
    );
  });
});

describe('grant limits from the policy', () => {
  const policy = parsePolicyText(`
roles: { oncall: {}, lead: {} }
grants:
  max_duration: 8h
  targets:
    role:oncall: 2h
    group:night_shift: 12h
    role:incident_lead: { max_duration: 1h, by: [lead] }
`);
  const oncall = { userId: 'U0ONCALL', roles: ['oncall'] };
  const lead = { userId: 'U0LEAD', roles: ['lead'] };
  const input = (kind: 'role' | 'group', key: string, durationMs: number) => ({
    userId: user.id,
    kind,
    key,
    durationMs,
  });

  it('allows a listed target up to its own limit, even past the global one', () => {
    expect(() =>
      grantAction.check?.(input('role', 'oncall', 7_200_000), user, NOW, policy, oncall),
    ).not.toThrow();
    expect(() =>
      grantAction.check?.(input('group', 'night_shift', 10 * 3_600_000), user, NOW, policy, oncall),
    ).not.toThrow();
  });

  it('refuses a longer grant with the limit, and a target the policy does not list', () => {
    expectAppErrorCode(
      () => grantAction.check?.(input('role', 'oncall', 7_200_001), user, NOW, policy, oncall),
      'input.invalid',
    );
    expectAppErrorCode(
      () => grantAction.check?.(input('role', 'admin', 60_000), user, NOW, policy, oncall),
      'permission.denied',
    );
    expectAppErrorCode(
      () => extendGrantAction.check?.(input('role', 'oncall', 3 * 3_600_000), user, NOW, policy, oncall),
      'input.invalid',
    );
  });

  it('lets only the roles under `by` grant a target that names them, and nobody when the actor is unknown', () => {
    expect(() =>
      grantAction.check?.(input('role', 'incident_lead', 60_000), user, NOW, policy, lead),
    ).not.toThrow();
    expectAppErrorCode(
      () => grantAction.check?.(input('role', 'incident_lead', 60_000), user, NOW, policy, oncall),
      'permission.denied',
    );
    expectAppErrorCode(
      () => extendGrantAction.check?.(input('role', 'incident_lead', 60_000), user, NOW, policy, oncall),
      'permission.denied',
    );
    expectAppErrorCode(
      () => grantAction.check?.(input('role', 'incident_lead', 60_000), user, NOW, policy),
      'permission.denied',
    );
  });

  it.each([
    ['no targets', 'roles: {}\ngrants: { max_duration: 1h }\n'],
    ['no grants section', 'roles: {}\n'],
    ['empty targets', 'roles: {}\ngrants: { targets: {} }\n'],
  ])('grants nothing when the policy lists %s', (_, text) => {
    const closed = parsePolicyText(text);
    expectAppErrorCode(
      () => grantAction.check?.(input('role', 'anything', 60_000), user, NOW, closed, oncall),
      'permission.denied',
    );
  });
});

describe('extend-grant and revoke-grant input', () => {
  it('reads the access and the extra time, with or without "by"', () => {
    expect(extendGrantAction.fromArgs?.(['role:oncall', 'by', '1h', 'still', 'on'])).toEqual({
      kind: 'role',
      key: 'oncall',
      durationMs: 3_600_000,
      reason: 'still on',
    });
    expect(revokeGrantAction.fromArgs?.(['group:night_shift'])).toEqual({
      kind: 'group',
      key: 'night_shift',
    });
  });

  it('ends grants with a dangerous confirmation and extends without one', () => {
    const i = { userId: user.id, kind: 'role' as const, key: 'oncall' };
    expect(revokeGrantAction.confirm(i, user).danger).toBe(true);
    expect(extendGrantAction.confirm({ ...i, durationMs: 3_600_000 }, user).danger).toBe(false);
  });
});
