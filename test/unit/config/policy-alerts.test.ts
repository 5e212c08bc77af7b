import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AlertLogEntry } from '../../../src/authgear/operations/audit-logs.js';
import { alertMessage } from '../../../src/blocks/alert.js';
import { parsePolicyText } from '../../../src/config/policy.js';
import { checkMessageBlocks } from '../../support/block-kit.js';
import { policyProblems } from '../../support/policy.js';
import { projectRoot } from '../../support/shared.js';

describe('alerts policy', () => {
  it('reads rules with their channel (the audit channel by default) and all three buttons by default', () => {
    const p = parsePolicyText(`
channels: { audit: C0AUDIT }
roles: {}
alerts:
  - { name: Blocked, activity_types: [AUTHENTICATION_BLOCKED] }
  - { name: New country, activity_types: [USER_AUTHENTICATED], when: new_country, channel: C0SEC, actions: [show_user] }
`);
    expect(p.alerts).toEqual([
      {
        name: 'Blocked',
        activityTypes: ['AUTHENTICATION_BLOCKED'],
        channel: 'C0AUDIT',
        actions: ['show_user', 'revoke_sessions', 'disable'],
        when: undefined,
      },
      {
        name: 'New country',
        activityTypes: ['USER_AUTHENTICATED'],
        channel: 'C0SEC',
        actions: ['show_user'],
        when: 'new_country',
      },
    ]);
  });

  it('names an unknown activity type with the closest ones, and a rule with nowhere to post', () => {
    const message = policyProblems(`
roles: {}
alerts:
  - { name: Typo, activity_types: [USER_AUTHENTICATD] }
  - { name: Nowhere, activity_types: [USER_DISABLED] }
`);
    expect(message).toContain(
      'Authgear has no audit log type "USER_AUTHENTICATD". Did you mean "USER_AUTHENTICATED"',
    );
    expect(message).toContain('alerts[0].activity_types[0]');
  });

  it('refuses a rule with no channel when there is no audit channel either', () => {
    expect(
      policyProblems('roles: {}\nalerts:\n  - { name: Nowhere, activity_types: [USER_DISABLED] }\n'),
    ).toContain('alerts[0].channel');
  });
});

describe('alert message', () => {
  const entry: AlertLogEntry = {
    id: 'QXVkaXRMb2c6MQ',
    activityType: 'AUTHENTICATION_BLOCKED',
    createdAt: '2030-01-01T00:00:00Z',
    ipAddress: '203.0.113.9 <!here>',
    clientID: null,
    country: 'NL',
    user: { id: 'VXNlcjox', standardAttributes: { email: 'eve@example.com' } },
  };

  it('says what, who and where, escaped, with the rule buttons for the user', () => {
    const message = alertMessage({ name: 'Blocked *sign-in*', actions: ['show_user', 'disable'] }, entry);
    expect(checkMessageBlocks(message.blocks)).toEqual([]);
    const text = JSON.stringify(message);
    expect(text).toContain('eve@example.com');
    expect(text).toContain('country NL');
    expect(text).not.toContain('<!here>');
    expect(text).toContain('start_action:disable');
    expect(text).not.toContain('start_action:signout');
  });

  it('offers no buttons for an entry about no user', () => {
    const message = alertMessage({ name: 'Blocked', actions: ['show_user'] }, { ...entry, user: null });
    expect(checkMessageBlocks(message.blocks)).toEqual([]);
    expect(message.blocks.some((b) => b.type === 'actions')).toBe(false);
    expect(message.text).toContain('no user');
  });
});

describe("the README's examples", () => {
  const readme = readFileSync(resolve(projectRoot, 'README.md'), 'utf8');
  const blocks = [...readme.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1] ?? '');

  it('parses the time-boxed access example', () => {
    const example = blocks.find((b) => b.includes('grants:')) ?? '';
    const p = parsePolicyText(example);
    expect(p.grants.maxDurationMs).toBe(8 * 3_600_000);
    expect(p.grants.targets.get('role:support_lead')?.maxMs).toBe(4 * 3_600_000);
    expect(p.approvals['user.grant']?.approvers).toEqual(['admin']);
  });

  it('parses the alerts example beside an audit channel', () => {
    const example = blocks.find((b) => b.startsWith('alerts:')) ?? '';
    const p = parsePolicyText(`channels: { audit: C0AUDIT }\nroles: {}\n${example}`);
    expect(p.alerts.map((a) => [a.name, a.channel, a.when])).toEqual([
      ['Sign-in blocked', 'C0SECURITY', undefined],
      ['Sign-in from a new country', 'C0AUDIT', 'new_country'],
    ]);
  });
});
