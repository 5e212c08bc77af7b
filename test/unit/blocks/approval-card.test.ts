import { describe, expect, it } from 'vitest';
import { newApprovalRecord } from '../../../src/approvals/record.js';
import { approvalCard } from '../../../src/blocks/approval-card.js';

const record = newApprovalRecord(
  {
    action: 'user.disable',
    actionKey: 'disable',
    input: { userId: 'x' },
    summary: 'Disable alice',
    requester: { userId: 'U0SUPPORT' },
    reason: 'evil <!channel> *bold*',
    approverRoles: ['admin'],
    required: 2,
  },
  { id: 'ap_abcdefgh', now: new Date('2026-01-01T00:00:00Z'), ttlMs: 60_000 },
);

describe('approvalCard', () => {
  it('offers Approve, Reject and Cancel carrying the approval ID while pending', () => {
    const text = JSON.stringify(approvalCard(record).blocks);
    for (const id of ['approval_approve', 'approval_reject', 'approval_cancel']) expect(text).toContain(id);
    expect(text).toContain('"value":"ap_abcdefgh"');
    expect(text).toContain('0 of 2');
  });

  it('escapes the typed reason so it cannot ping or format', () => {
    const text = JSON.stringify(approvalCard(record).blocks);
    expect(text).not.toContain('<!channel>');
    expect(text).toContain('&lt;!channel&gt;');
  });

  it('drops the buttons and names the rejecter once decided', () => {
    const rejected = {
      ...record,
      state: 'rejected' as const,
      rejection: { userId: 'U0ADMIN', at: '2026-01-01T00:00:30.000Z', reason: 'no' },
    };
    const text = JSON.stringify(approvalCard(rejected).blocks);
    expect(text).not.toContain('approval_approve');
    expect(text).toContain('Rejected by <@U0ADMIN>');
  });
});
