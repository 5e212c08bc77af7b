import { describe, expect, it } from 'vitest';
import { createMemoryApprovalStore } from '../../../src/approvals/memory-store.js';
import { newApprovalRecord } from '../../../src/approvals/record.js';
import { type RefusalReason, refusalError } from '../../../src/approvals/store.js';
import { approvalRequest } from '../../support/approvals.js';

describe('refusal errors', () => {
  it.each([
    ['not_found', 'approval.not_found'],
    ['self_approval', 'approval.self_approval'],
    ['duplicate', 'approval.duplicate'],
    ['expired', 'approval.expired'],
    ['closed', 'approval.closed'],
    ['not_requester', 'approval.not_requester'],
    ['not_executor', 'state.conflict'],
  ] satisfies Array<[RefusalReason, string]>)('maps a %s refusal to %s', (reason, code) => {
    const error = refusalError({ kind: 'refused', reason }, 'ap_abcdefgh');
    expect(error.code).toBe(code);
    expect(error.details.approvalId).toBe('ap_abcdefgh');
  });
});

describe('memory approval store retention', () => {
  it('forgets a decided record once its retention window has passed', async () => {
    const store = createMemoryApprovalStore({ retentionMs: 1000 });
    const now = new Date('2030-01-01T00:00:00.000Z');
    const request = approvalRequest({ input: {} });
    const { id, expiresAt } = await store.create(
      newApprovalRecord(request, { id: 'ap_abcdefgh', now, ttlMs: 60_000 }),
    );
    await store.reject(id, { userId: 'UA', now });
    const expiry = Date.parse(expiresAt);
    await store.sweep(new Date(expiry + 999), 10);
    expect((await store.get(id))?.state).toBe('rejected');
    await store.sweep(new Date(expiry + 1000), 10);
    expect(await store.get(id)).toBeUndefined();
  });
});
