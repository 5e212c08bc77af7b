import { describe, expect, it } from 'vitest';
import { ActionKeys } from '../../../src/actions/keys.js';
import { ALL_ACTIONS } from '../../../src/actions/registry.js';

/**
 * Every action key that has shipped. Cards, confirmations, forms and pending approvals already in Slack carry these,
 * so each must keep working for ever: never remove a line here. Add the keys of new actions when they ship.
 */
const SHIPPED = [
  'disable',
  'enable',
  'unlock',
  'reset-password',
  'expire-password',
  'send-reset',
  'otp',
  'signout',
  'revoke-session',
  'verify',
  'unverify',
  'delete',
  'cancel-delete',
  'delete-now',
  'anonymize',
  'cancel-anonymize',
  'anonymize-now',
  'create-user',
  'edit',
  'add-identity',
  'update-identity',
  'remove-identity',
  'remove-authenticator',
  'remove-authorization',
  'create-group',
  'update-group',
  'delete-group',
  'create-role',
  'update-role',
  'delete-role',
  'add-role-to-groups',
  'remove-role-from-groups',
  'add-group-to-roles',
  'remove-group-from-roles',
  'add-user-to-roles',
  'remove-user-from-roles',
  'add-role-to-users',
  'remove-role-from-users',
  'add-user-to-groups',
  'remove-user-from-groups',
  'add-group-to-users',
  'remove-group-from-users',
  'cancel-disable',
  'valid-period',
  'valid-from',
  'valid-until',
  'mfa-grace',
  'add-authenticator',
  'create-resource',
  'update-resource',
  'delete-resource',
  'create-scope',
  'update-scope',
  'delete-scope',
  'add-resource-to-client',
  'remove-resource-from-client',
  'add-scopes-to-client',
  'remove-scopes-from-client',
  'replace-scopes-of-client',
];

const keys: readonly string[] = Object.values(ActionKeys);
const served = new Set<string>(ALL_ACTIONS.map((d) => d.key));

describe('action keys', () => {
  it.each(SHIPPED)('still has the shipped key %s, served by an action', (key) => {
    expect(keys).toContain(key);
    expect(served.has(key)).toBe(true);
  });

  it('has no two names for one key', () => {
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('serves every key with exactly one action, and no action without a key from keys.ts', () => {
    expect(ALL_ACTIONS.map((d) => d.key).sort()).toEqual([...keys].sort());
  });

  it('keeps every key a short word Slack values and approval records can carry', () => {
    for (const key of keys) expect(key).toMatch(/^[a-z][a-z0-9-]{0,63}$/);
  });
});
