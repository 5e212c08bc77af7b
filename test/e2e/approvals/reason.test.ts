/** A policy rule with `require_reason`: a request without one is refused with how to give one; with one it is sent. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMemoryApprovalStore } from '../../../src/approvals/memory-store.js';
import { CHANNELS, PEOPLE } from '../../support/app.js';
import { waitFor } from '../../support/wait.js';
import { type Cluster, startCluster } from './cluster.js';
import { askAndConfirm } from './flow.js';

const policy = `
channels:
  approvals: ${CHANNELS.approvals}
  audit: ${CHANNELS.audit}
roles:
  support: { actions: [user.view, user.delete, user.enable] }
  admin: { inherits: [support], actions: ["*"] }
members:
  - { slack_user: ${PEOPLE.admin}, roles: [admin] }
  - { slack_user: ${PEOPLE.support}, roles: [support] }
approvals:
  user.delete: { approvers: [admin], required: 1, expires_in: 1h, require_reason: true }
  user.enable: { approvers: [admin], required: 1, expires_in: 1h, require_reason: true }
`;

let c: Cluster;
beforeAll(async () => {
  c = await startCluster({ store: createMemoryApprovalStore(), policy });
});
afterAll(async () => c.stop());

const askAndConfirmText = async (text: string): Promise<string> =>
  JSON.stringify(await askAndConfirm(c, PEOPLE.support, text));

describe('require_reason', () => {
  it('refuses a request without a reason and says to give it after the target', async () => {
    c.authgear.store.addUser({ email: 'n1@example.com' });
    const answer = await askAndConfirmText('delete n1@example.com');
    expect(answer).toContain('needs approval');
    expect(answer).toContain('/authgear delete &lt;who&gt; &lt;reason…&gt;');
    expect(c.slack.messagesIn(CHANNELS.approvals)).toHaveLength(0);
  });

  it('sends the same request for approval once a reason follows the target', async () => {
    c.authgear.store.addUser({ email: 'n2@example.com' });
    const answer = await askAndConfirmText('delete n2@example.com asked by the customer');
    expect(answer).toContain('Sent for approval');
    const card = await waitFor(() => c.slack.messagesIn(CHANNELS.approvals).at(-1));
    expect(JSON.stringify(card.args)).toContain('asked by the customer');
  });

  it('names the policy setting when the action takes no reason at all', async () => {
    c.authgear.store.addUser({ email: 'n3@example.com', isDisabled: true });
    const answer = await askAndConfirmText('enable n3@example.com');
    expect(answer).toContain('takes no reason');
    expect(answer).toContain('require_reason');
  });
});
