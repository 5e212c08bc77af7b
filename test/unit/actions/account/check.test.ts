import { describe, it } from 'vitest';
import type { AnyActionDefinition } from '../../../../src/actions/types.js';
import { accountActions } from '../../../../src/actions/user/account/index.js';
import type { AuthgearUser } from '../../../../src/authgear/operations/user-fields.js';
import type { ErrorCode } from '../../../../src/errors.js';
import { makeUser } from '../../../support/authgear-user.js';
import { expectAppErrorCode } from '../../../support/errors.js';

const NOW = new Date('2025-06-01T12:00:00.000Z');

const byKey = (key: string): AnyActionDefinition => {
  const def = accountActions.find((d) => d.key === key);
  if (def === undefined) throw new Error(`no action ${key}`);
  return def;
};

const id = 'VXNlcjp1MQ';
const disabled: Partial<AuthgearUser> = { isDisabled: true, disableReason: 'x' };
const scheduled: Partial<AuthgearUser> = { isDisabled: true, deleteAt: '2025-07-01T00:00:00Z' };
const anonymizing: Partial<AuthgearUser> = { isDisabled: true, anonymizeAt: '2025-07-01T00:00:00Z' };
const noPhone: Partial<AuthgearUser> = {
  standardAttributes: { name: 'Bob' },
  identities: { totalCount: 0, nodes: [] },
};

describe('account actions: read-first state checks', () => {
  it.each<[string, string, Record<string, unknown>, Partial<AuthgearUser>, ErrorCode | undefined]>([
    ['disable', 'an active user passes', { reason: 'r' }, {}, undefined],
    ['disable', 'a disabled user is no change', { reason: 'r' }, disabled, 'state.no_change'],
    [
      'disable',
      'a window ending in the past is invalid',
      {
        reason: 'r',
        temporarilyDisabledFrom: '2025-01-01T00:00:00Z',
        temporarilyDisabledUntil: '2025-02-01T00:00:00Z',
      },
      {},
      'input.invalid',
    ],
    ['enable', 'a disabled user passes', {}, disabled, undefined],
    ['enable', 'an active user is no change', {}, {}, 'state.no_change'],
    ['enable', 'a user scheduled for deletion conflicts', {}, scheduled, 'state.conflict'],
    ['enable', 'a user scheduled for anonymization conflicts', {}, anonymizing, 'state.conflict'],
    [
      'unlock',
      'a locked user passes',
      {},
      { accountLockout: { isLocked: true, lockedUntil: null, lockoutType: 'per_user', lockedIPs: [] } },
      undefined,
    ],
    ['unlock', 'an unlocked user is no change', {}, {}, 'state.no_change'],
    ['expire-password', 'a user with a password passes', {}, {}, undefined],
    [
      'expire-password',
      'a user without a password is no change',
      {},
      { authenticators: { totalCount: 0, nodes: [] } },
      'state.no_change',
    ],
    ['send-reset', 'a user with an email passes', {}, {}, undefined],
    ['send-reset', 'a user without email or phone conflicts', {}, noPhone, 'state.conflict'],
    ['otp', 'a user with an email passes', { purpose: 'LOGIN' }, {}, undefined],
    [
      'otp',
      'asking for a phone the user lacks conflicts',
      { purpose: 'LOGIN', channel: 'phone' },
      {},
      'state.conflict',
    ],
    ['signout', 'a user with sessions passes', {}, {}, undefined],
    [
      'signout',
      'a user without sessions is no change',
      {},
      { sessions: { totalCount: 0 } },
      'state.no_change',
    ],
    ['verify', 'an unverified email passes', { claim: 'email' }, { verifiedClaims: [] }, undefined],
    ['verify', 'a verified email is no change', { claim: 'email' }, {}, 'state.no_change'],
    [
      'verify',
      'a verified email differing in case is no change',
      { claim: 'email', value: 'ALICE@example.com' },
      {},
      'state.no_change',
    ],
    ['verify', 'a missing phone conflicts', { claim: 'phone_number' }, {}, 'state.conflict'],
    ['unverify', 'a verified email passes', { claim: 'email' }, {}, undefined],
    [
      'unverify',
      'an unverified email is no change',
      { claim: 'email' },
      { verifiedClaims: [] },
      'state.no_change',
    ],
    ['delete', 'an active user passes', {}, {}, undefined],
    ['delete', 'an already scheduled deletion is no change', {}, scheduled, 'state.no_change'],
    ['cancel-delete', 'a scheduled deletion passes', {}, scheduled, undefined],
    ['cancel-delete', 'nothing scheduled is no change', {}, {}, 'state.no_change'],
    ['anonymize', 'an active user passes', {}, {}, undefined],
    ['anonymize', 'an already scheduled anonymization is no change', {}, anonymizing, 'state.no_change'],
    [
      'anonymize',
      'an anonymized user is no change',
      {},
      { isAnonymized: true, isDisabled: true },
      'state.no_change',
    ],
    ['cancel-anonymize', 'a scheduled anonymization passes', {}, anonymizing, undefined],
    ['cancel-anonymize', 'nothing scheduled is no change', {}, {}, 'state.no_change'],
    ['anonymize-now', 'an active user passes', {}, {}, undefined],
    ['anonymize-now', 'an anonymized user is no change', {}, { isAnonymized: true }, 'state.no_change'],
  ])('%s: %s', (key, _label, raw, overrides, expected) => {
    const def = byKey(key);
    const input = def.input.parse({ ...raw, userId: id });
    expectAppErrorCode(() => def.check?.(input, makeUser(overrides), NOW), expected);
  });
});
