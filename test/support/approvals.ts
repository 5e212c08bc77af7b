import type { ApprovalRequest } from '../../src/approvals/record.js';

/** A request to disable alice by UREQ, approvable by `admins`; override anything. */
export const approvalRequest = (overrides: Partial<ApprovalRequest> = {}): ApprovalRequest => ({
  action: 'user.disable',
  actionKey: 'disable',
  input: { userId: 'VXNlcjox' },
  summary: 'Disable alice',
  requester: { userId: 'UREQ' },
  approverRoles: ['admins'],
  required: 1,
  ...overrides,
});
