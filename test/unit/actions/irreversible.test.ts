import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ungatedIrreversible } from '../../../src/actions/irreversible.js';
import { ALL_ACTIONS } from '../../../src/actions/registry.js';
import { parsePolicyText } from '../../../src/config/policy.js';
import { projectRoot } from '../../support/shared.js';

const policyFile = (file: string) => parsePolicyText(readFileSync(path.join(projectRoot, file), 'utf8'));

/** The README's policy example: the first yaml block after "See [`policy.example.yaml`]". */
const readmePolicy = () => {
  const readme = readFileSync(path.join(projectRoot, 'README.md'), 'utf8');
  const from = readme.indexOf('```yaml', readme.indexOf('See [`policy.example.yaml`]'));
  return parsePolicyText(readme.slice(from + 7, readme.indexOf('```', from + 7)));
};

/** Enough input for each irreversible action's confirmation. */
const sampleInput = (key: string): Record<string, unknown> =>
  ({
    'delete-resource': { uri: 'https://api.example.com' },
    'delete-scope': { uri: 'https://api.example.com', scope: 'read:all' },
    'delete-group': { key: 'ops' },
    'delete-role': { key: 'ops' },
    'remove-authenticator': { userId: 'u', authenticatorId: 'a' },
  })[key] ?? { userId: 'u' };

describe('irreversible actions', () => {
  it('are the immediate deletions and erasures', () => {
    expect(
      ALL_ACTIONS.filter((a) => a.irreversible)
        .map((a) => a.verbs[0])
        .sort(),
    ).toEqual([
      'anonymize-now',
      'delete-group',
      'delete-now',
      'delete-resource',
      'delete-role',
      'delete-scope',
      'remove-authenticator',
    ]);
  });

  it.each(ALL_ACTIONS.filter((a) => a.irreversible).map((a) => [a.verbs[0], a] as const))(
    '%s says on its confirmation that it cannot be undone',
    (_verb, def) => {
      const shown = def.confirm(def.input.safeParse({}).success ? {} : sampleInput(def.key), undefined);
      expect(shown.consequences.join(' ')).toContain('cannot be undone');
      expect(shown.danger).toBe(true);
    },
  );

  it.each([
    ['policy.example.yaml', () => policyFile('policy.example.yaml')],
    ['demo/policy.yaml', () => policyFile('demo/policy.yaml')],
    ["the README's example", readmePolicy],
  ])('%s gates every one of them', (_file, load) => {
    expect(ungatedIrreversible(load(), ALL_ACTIONS)).toEqual([]);
  });

  it('lists those a policy lets some role run without an approval', () => {
    const policy = parsePolicyText(`
roles: { admin: { actions: ["*"] }, support: { actions: [user.view] } }
members: [{ slack_user: U0ADMIN, roles: [admin] }]
approvals: { user.delete: { approvers: [admin], required: 2, expires_in: 24h } }
`);
    expect(
      ungatedIrreversible(policy, ALL_ACTIONS)
        .map((a) => a.verb)
        .sort(),
    ).toEqual([
      'anonymize-now',
      'delete-group',
      'delete-resource',
      'delete-role',
      'delete-scope',
      'remove-authenticator',
    ]);
  });

  it('says nothing of an action no role may run', () => {
    const policy = parsePolicyText(`
roles: { support: { actions: [user.view, user.disable] } }
members: [{ slack_user: U0S, roles: [support] }]
`);
    expect(ungatedIrreversible(policy, ALL_ACTIONS)).toEqual([]);
  });
});
