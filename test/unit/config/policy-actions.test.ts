import { describe, expect, it } from 'vitest';
import { parsePolicyText } from '../../../src/config/policy.js';
import { closestNames, didYouMean, editDistance } from '../../../src/config/suggest.js';
import { ACTION_ALIASES, ACTION_NAMES } from '../../../src/permissions/actions.js';
import { allowedActions, authorize, authorizeApprover } from '../../../src/permissions/authorize.js';
import { policyProblems } from '../../support/policy.js';

const actor = (userId: string, roles: string[]) => ({ userId, roles });

describe('fine action names and their aliases', () => {
  it('expands group.manage and role.manage in a role to the four fine names each', () => {
    const p = parsePolicyText('roles:\n  ops: { actions: [group.manage, role.manage, user.view] }\n');
    expect([...(p.roleActions.get('ops') ?? [])].sort()).toEqual(
      [...ACTION_ALIASES['group.manage'], ...ACTION_ALIASES['role.manage'], 'user.view'].sort(),
    );
  });

  it.each([['group.create'], ['group.update'], ['group.delete'], ['group.members']] as const)(
    'lets an old group.manage policy still do %s',
    (action) => {
      const p = parsePolicyText('roles:\n  ops: { actions: [group.manage] }\n');
      expect(authorize(actor('U1', ['ops']), action, {}, p)).toEqual({ ok: true });
      expect(authorize(actor('U1', ['ops']), 'role.delete', {}, p)).toEqual({
        ok: false,
        reason: 'not_granted',
      });
    },
  );

  it('grants deletes alone without the rest of group management', () => {
    const p = parsePolicyText('roles:\n  ops: { actions: [group.delete] }\n');
    expect(allowedActions(p, ['ops'], ACTION_NAMES)).toEqual(['group.delete']);
  });

  it('gives an alias approval rule to each fine name, and a fine rule of its own wins whatever the order', () => {
    const p = parsePolicyText(`
roles: { admin: { actions: ["*"] }, lead: { actions: [group.view] } }
approvals:
  group.delete: { approvers: [lead], required: 2, expires_in: 24h }
  group.manage: { approvers: [admin], required: 1, expires_in: 4h }
`);
    expect(p.approvals['group.create']).toMatchObject({
      approvers: ['admin'],
      required: 1,
      expiresInMs: 14_400_000,
    });
    expect(p.approvals['group.members']).toMatchObject({ approvers: ['admin'], required: 1 });
    expect(p.approvals['group.delete']).toMatchObject({
      approvers: ['lead'],
      required: 2,
      expiresInMs: 86_400_000,
    });
    expect(p.approvals['role.delete']).toBeUndefined();
    expect(authorizeApprover(actor('U2', ['lead']), 'group.delete', 'U1', p)).toEqual({ ok: true });
    expect(authorizeApprover(actor('U2', ['lead']), 'group.create', 'U1', p)).toEqual({
      ok: false,
      reason: 'not_an_approver',
    });
  });

  it('needs approval for deletes only, when only group.delete is listed', () => {
    const p = parsePolicyText(
      'roles: { admin: { actions: ["*"] } }\napprovals:\n  group.delete: { approvers: [admin] }\n',
    );
    expect(Object.keys(p.approvals)).toEqual(['group.delete']);
  });

  it('names an unknown action in a role with the closest names, and its path', () => {
    const message = policyProblems('roles:\n  ops: { actions: [user.view, group.delet] }\n');
    expect(message).toContain('unknown action "group.delet". Did you mean "group.delete"');
    expect(message).toContain('roles.ops.actions[1]');
  });

  it('names an unknown action under approvals with a suggestion, and its path', () => {
    const message = policyProblems(
      'roles: { admin: { actions: ["*"] } }\napprovals:\n  user.grnt: { approvers: [admin] }\n',
    );
    expect(message).toContain('unknown action "user.grnt". Did you mean "user.grant"');
    expect(message).toContain('approvals["user.grnt"]');
  });

  it('lists every name when nothing typed is close to one', () => {
    expect(policyProblems('roles:\n  ops: { actions: [launch_rockets] }\n')).toContain(
      'Expected one of: *, user.view',
    );
  });
});

describe('suggestions', () => {
  it.each([
    ['kitten', 'sitting', 3],
    ['', 'abc', 3],
    ['group.manage', 'group.manage', 0],
    ['role.delte', 'role.delete', 1],
  ])('measures the edit distance of %s and %s as %i', (a, b, d) => {
    expect(editDistance(a, b)).toBe(d);
  });

  it('suggests the nearest names first, ignoring case', () => {
    expect(closestNames('Group.Members', ['group.members', 'role.members', 'group.view'])).toEqual([
      'group.members',
      'role.members',
    ]);
  });

  it('says nothing when no name is close', () => {
    expect(didYouMean('xyz.quux', ['user.view', 'group.view'])).toBe('');
    expect(didYouMean('user.veiw', ['user.view', 'group.view'])).toBe(' Did you mean "user.view"?');
  });
});

describe('grants policy', () => {
  it('defaults to nothing grantable, 8 hours at most and a reminder 15 minutes before expiry', () => {
    const p = parsePolicyText('roles: {}\n');
    expect(p.grants).toEqual({ maxDurationMs: 28_800_000, remindBeforeMs: 900_000, targets: new Map() });
  });

  it('reads the longest duration, the reminder and the targets with their own limits', () => {
    const p = parsePolicyText(`
roles: { lead: {} }
grants:
  max_duration: 2h
  remind_before: false
  targets:
    role:support_lead: 4h
    group:oncall: { max_duration: 30m, by: [lead] }
`);
    expect(p.grants.maxDurationMs).toBe(7_200_000);
    expect(p.grants.remindBeforeMs).toBeUndefined();
    expect([...p.grants.targets]).toEqual([
      ['role:support_lead', { maxMs: 14_400_000, by: undefined }],
      ['group:oncall', { maxMs: 1_800_000, by: ['lead'] }],
    ]);
  });

  it('refuses a role under `by` that the policy does not define, with its path', () => {
    const message = policyProblems(
      'roles: {}\ngrants:\n  targets:\n    role:x: { max_duration: 1h, by: [ghost] }\n',
    );
    expect(message).toContain('unknown role "ghost"');
    expect(message).toContain('grants.targets.role:x.by[0]');
  });

  it('refuses a target that is neither role:<key> nor group:<key>, and a bad duration', () => {
    const message = policyProblems(
      'roles: {}\ngrants:\n  max_duration: forever\n  targets:\n    admin: 1h\n',
    );
    expect(message).toContain('"admin" is not a grant target');
    expect(message).toContain('grants.max_duration');
  });
});
