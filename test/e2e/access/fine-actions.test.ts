/** Approval rules per action: a policy may grant or gate group deletes alone, and requests made under the old
 * coarse names (`group.manage`) are still decided and run after the upgrade. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMemoryApprovalStore } from '../../../src/approvals/memory-store.js';
import { newApprovalRecord } from '../../../src/approvals/record.js';
import { CHANNELS, PEOPLE } from '../../support/app.js';
import { waitFor } from '../../support/wait.js';
import { type Cluster, startCluster } from '../approvals/cluster.js';
import { askAndConfirm, click, slash } from '../approvals/flow.js';

const POLICY = `
channels:
  approvals: ${CHANNELS.approvals}
  audit: ${CHANNELS.audit}
roles:
  janitor: { actions: [group.view, group.delete] }
  admin: { actions: ["*"] }
members:
  - { slack_user: ${PEOPLE.support}, roles: [janitor] }
  - { slack_user: ${PEOPLE.admin}, roles: [admin] }
approvals:
  group.delete: { approvers: [admin], required: 1, expires_in: 1h }
`;

let c: Cluster;
const store = createMemoryApprovalStore();

beforeAll(async () => {
  c = await startCluster({ store, policy: POLICY });
});
afterAll(async () => c.stop());

const text = (v: unknown): string => JSON.stringify(v);

describe('approval rules per action', () => {
  it('lets a role with group.delete alone delete, after approval, but not create', async () => {
    c.authgear.store.addGroup({ key: 'old_team' });
    const refused = await slash(c, PEOPLE.support, 'create-group new_team');
    expect(text(refused)).toMatch(/doesn't allow/);
    const answer = await askAndConfirm(c, PEOPLE.support, 'delete-group old_team');
    expect(text(answer)).toContain('Sent for approval');
    const record = (await store.listPending({ limit: 10 }))[0];
    expect(record?.action).toBe('group.delete');
    await click(c, PEOPLE.admin, 'approval_approve', record?.id ?? '');
    await waitFor(() => c.audit.some((e) => e.approvalId === record?.id && e.type === 'executed'));
    expect(c.authgear.store.group('old_team')).toBeUndefined();
    expect(c.authgear.store.group('new_team')).toBeUndefined();
  });

  it('decides and runs a request stored under group.manage before the fine names existed', async () => {
    c.authgear.store.addGroup({ key: 'legacy_team' });
    const legacy = await store.create(
      newApprovalRecord(
        {
          action: 'group.manage',
          actionKey: 'delete-group',
          input: { key: 'legacy_team' },
          summary: 'Delete group legacy_team',
          requester: { userId: PEOPLE.support },
          approverRoles: ['admin'],
          required: 1,
        },
        { id: 'ap_legacy_group_manage', now: new Date(), ttlMs: 3_600_000 },
      ),
    );
    const listed = await slash(c, PEOPLE.admin, 'approvals');
    expect(text(listed)).toContain(legacy.id);
    await click(c, PEOPLE.admin, 'approval_approve', legacy.id);
    await waitFor(() => c.audit.some((e) => e.approvalId === legacy.id && e.type === 'executed'));
    expect(c.authgear.store.group('legacy_team')).toBeUndefined();
    expect(c.audit.find((e) => e.approvalId === legacy.id && e.type === 'approved')?.action).toBe(
      'group.manage',
    );
  });
});
