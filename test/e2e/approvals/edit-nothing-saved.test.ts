/**
 * An approved `edit` where Authgear kept nothing it was sent (a custom attribute the project does not have): the
 * requester's DM warns, it never says "Approved and done" as if the edit had worked.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createMemoryApprovalStore } from '../../../src/approvals/memory-store.js';
import { CHANNELS, PEOPLE } from '../../support/app.js';
import { waitFor } from '../../support/wait.js';
import { type Cluster, startCluster } from './cluster.js';
import { approvalIdOf, askAndConfirm, click } from './flow.js';

const POLICY = `
channels:
  approvals: ${CHANNELS.approvals}
  audit: ${CHANNELS.audit}
roles:
  support: { actions: [user.view, user.edit] }
  admin: { inherits: [support], actions: ["*"] }
members:
  - { slack_user: ${PEOPLE.admin}, roles: [admin] }
  - { slack_user: ${PEOPLE.support}, roles: [support] }
approvals:
  user.edit: { approvers: [admin], required: 1, expires_in: 1h }
`;

let c: Cluster;
beforeAll(async () => {
  c = await startCluster({ store: createMemoryApprovalStore(), policy: POLICY });
  c.authgear.store.addUser({ email: 'kept@example.com', name: 'Kept' });
});
afterAll(async () => c.stop());

it('warns the requester by DM when the approved edit saved nothing', async () => {
  const answer = await askAndConfirm(c, PEOPLE.support, 'edit kept@example.com custom.shoe_size=42');
  expect(JSON.stringify(answer)).toContain('Sent for approval');
  const card = await waitFor(() =>
    c.slack
      .messagesIn(CHANNELS.approvals)
      .map((m) => m.args)
      .filter((a) => a.ts === undefined)
      .at(-1),
  );
  const id = approvalIdOf(card);
  await click(c, PEOPLE.admin, 'approval_approve', id);
  const dm = await waitFor(
    () =>
      c.slack
        .callsTo('chat.postMessage')
        .map((call) => JSON.stringify(call.args))
        .find((text) => text.includes('Nothing was saved')),
    { message: "the requester's DM" },
  );
  expect(dm).toContain(':warning: Approved and run, but: Nothing was saved for');
  expect(dm).toContain('`custom.shoe_size`');
  expect(dm).not.toContain('Approved and done');
});
