import { describe, expect, it } from 'vitest';
import type { DenyReason } from '../../../src/permissions/authorize.js';
import { denialError } from '../../../src/permissions/denial.js';

describe('denialError', () => {
  it.each([
    ['not_granted', 'permission.denied'],
    ['no_role', 'permission.denied'],
    ['not_an_approver', 'permission.denied'],
  ] as const)('names the policy action an admin would change for %s', (reason: DenyReason, code) => {
    const err = denialError(reason, 'user.disable');
    expect(err.code).toBe(code);
    expect(err.userMessage).toContain('`user.disable`');
    expect(err.details).toMatchObject({ action: 'user.disable', reason });
  });

  it('keeps a refusal of the place about the place', () => {
    const err = denialError('channel_not_allowed', 'user.disable');
    expect(err.code).toBe('channel.not_allowed');
    expect(err.userMessage).not.toContain('user.disable');
  });
});
