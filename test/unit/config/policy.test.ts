import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parsePolicyText } from '../../../src/config/policy.js';
import { policyProblems } from '../../support/policy.js';
import { projectRoot } from '../../support/shared.js';

describe('policy file', () => {
  it('parses the shipped example', () => {
    const policy = parsePolicyText(readFileSync(resolve(projectRoot, 'policy.example.yaml'), 'utf8'));
    expect(policy.channels.approvals).toMatch(/^C/);
    expect(policy.roleActions.get('admin')?.has('*')).toBe(true);
  });

  it("parses the README's policy example", () => {
    const readme = readFileSync(resolve(projectRoot, 'README.md'), 'utf8');
    const example = /```yaml\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';
    const policy = parsePolicyText(example);
    expect(policy.approvals['user.delete']?.requireReason).toBe(true);
    expect(policy.auditStream.enabled).toBe(true);
  });

  it('resolves inheritance transitively', () => {
    const p = parsePolicyText(`
roles:
  a: { actions: [user.view] }
  b: { inherits: [a], actions: [user.search] }
  c: { inherits: [b], actions: [user.otp] }
`);
    expect([...(p.roleActions.get('c') ?? [])].sort()).toEqual(['user.otp', 'user.search', 'user.view']);
  });

  it('lists every problem with its path inside the file', () => {
    const message = policyProblems(`
channels: { approvals: nope }
roles:
  support: { inherits: [ghost], actions: [user.fly] }
members:
  - { slack_user: U0A, roles: [phantom] }
approvals:
  user.disable: { approvers: [support], expires_in: soon }
`);
    expect(message).toContain('channels.approvals');
    expect(message).toContain('user.fly');
    expect(message).toContain('expires_in');
  });

  it('names unknown role references and inheritance cycles', () => {
    expect(
      policyProblems(
        'roles:\n  a: { inherits: [ghost] }\nmembers:\n  - { slack_user: U0A, roles: [phantom] }\n',
      ),
    ).toMatch(
      /unknown role "ghost"[\s\S]*roles\.a\.inherits\[0\][\s\S]*unknown role "phantom"[\s\S]*members\[0\]\.roles\[0\]/,
    );
    expect(policyProblems('roles:\n  a: { inherits: [b] }\n  b: { inherits: [a] }\n')).toContain('cycle');
  });

  it('refuses text that is not YAML', () => {
    expect(policyProblems('roles: [unclosed')).toContain('not valid YAML');
  });

  it('reads approval rules with durations in milliseconds', () => {
    const p = parsePolicyText(`
roles: { admin: { actions: ["*"] } }
approvals:
  user.delete: { approvers: [admin], required: 2, expires_in: 24h }
`);
    expect(p.approvals['user.delete']).toEqual({
      approvers: ['admin'],
      required: 2,
      expiresInMs: 86_400_000,
      requireReason: false,
    });
  });
});
