import { describe, expect, it } from 'vitest';
import { parsePolicyText } from '../../../src/config/policy.js';
import { reminderRights } from '../../../src/grants/remind.js';

const HOUR = 3_600_000;
const policy = parsePolicyText(`
roles:
  granter: { actions: [user.grant] }
  ender: { actions: [user.revoke_grant] }
  lead: { actions: [user.grant, user.revoke_grant] }
grants:
  targets:
    role:support_lead: 1h
    role:incident: { max_duration: 4h, by: [lead] }
`);
const record = (key: string, durationMs: number) => ({ target: { kind: 'role' as const, key }, durationMs });

describe('what a grant reminder offers its requester', () => {
  it.each([
    [
      'user.grant alone: Extend, within the target limit',
      ['granter'],
      record('support_lead', 2 * HOUR),
      1 * HOUR,
      false,
    ],
    ['user.revoke_grant alone: Revoke now', ['ender'], record('support_lead', 2 * HOUR), undefined, true],
    ['a target listed for other roles: no Extend', ['granter'], record('incident', HOUR), undefined, false],
    ['a target the policy no longer lists: no Extend', ['lead'], record('gone', HOUR), undefined, true],
    ['both rights on a target for its role: both', ['lead'], record('incident', HOUR), HOUR, true],
    ['no role any more: nothing', [], record('support_lead', HOUR), undefined, false],
  ])('%s', (_, roles, r, extendMs, canRevoke) => {
    expect(reminderRights(policy, roles, r)).toEqual({ extendMs, canRevoke });
  });
});
