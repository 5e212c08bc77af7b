/**
 * Every verb issue 15 added goes through the one pipeline: with its policy action under `approvals:`, Confirm posts
 * an approval card and sends nothing; the approval runs exactly one mutation, as the requester.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMemoryApprovalStore } from '../../../src/approvals/memory-store.js';
import { CHANNELS, PEOPLE } from '../../support/app.js';
import { waitFor } from '../../support/wait.js';
import { mutationsIn } from '../admin-api/sent.js';
import { type Cluster, startCluster } from './cluster.js';
import { approvalIdOf, askAndConfirm, click } from './flow.js';

const POLICY = `
channels:
  approvals: ${CHANNELS.approvals}
  audit: ${CHANNELS.audit}
roles:
  support: { actions: [user.view, user.mfa_grace, user.add_authenticator, resource.view, resource.manage] }
  admin: { inherits: [support], actions: ["*"] }
members:
  - { slack_user: ${PEOPLE.admin}, roles: [admin] }
  - { slack_user: ${PEOPLE.support}, roles: [support] }
approvals:
  user.mfa_grace: { approvers: [admin], required: 1, expires_in: 1h }
  user.add_authenticator: { approvers: [admin], required: 1, expires_in: 1h }
  resource.manage: { approvers: [admin], required: 1, expires_in: 1h }
`;

let c: Cluster;
const URI = 'https://gated.example.com';
beforeAll(async () => {
  c = await startCluster({ store: createMemoryApprovalStore(), policy: POLICY });
  c.authgear.store.addUser({ email: 'gated@example.com', mfaGracePeriodEndAt: null });
  c.authgear.store.configure({ oauthClients: ['portal'] });
  c.authgear.store.resources.add({ uri: URI, scopes: ['read', 'write'], clients: ['portal'] });
  c.authgear.store.resources.add({ uri: `${URI}/gone`, scopes: ['old'] });
});
afterAll(async () => c.stop());

describe('new verbs need approval when the policy says so', () => {
  it.each([
    ['mfa-grace gated@example.com 7d', 'SetMFAGracePeriod'],
    ['add-authenticator gated@example.com sms +14155550100', 'CreateAuthenticator'],
    ['create-resource https://new.example.com New', 'CreateResource'],
    [`update-resource ${URI} Gated API`, 'UpdateResource'],
    [`create-scope ${URI} admin`, 'CreateScope'],
    [`update-scope ${URI} read Read things`, 'UpdateScope'],
    [`add-scopes-to-client ${URI} portal read`, 'AddScopesToClientID'],
    [`replace-scopes-of-client ${URI} portal write`, 'ReplaceScopesOfClientID'],
    [`remove-scopes-from-client ${URI} portal write`, 'RemoveScopesFromClientID'],
    [`delete-scope ${URI} admin`, 'DeleteScope'],
    [`remove-resource-from-client ${URI} portal`, 'RemoveResourceFromClientID'],
    [`add-resource-to-client ${URI} portal`, 'AddResourceToClientID'],
    [`delete-resource ${URI}/gone`, 'DeleteResource'],
  ])('%s waits for an approver, then runs %s once', async (command, operationName) => {
    const from = c.authgear.requests.length;
    const answer = await askAndConfirm(c, PEOPLE.support, command);
    expect(JSON.stringify(answer)).toContain('Sent for approval');
    expect(mutationsIn(c.authgear.requests.slice(from))).toEqual([]);
    const card = await waitFor(() =>
      c.slack
        .messagesIn(CHANNELS.approvals)
        .map((m) => m.args)
        .filter((a) => a.ts === undefined)
        .at(-1),
    );
    const id = approvalIdOf(card);
    await click(c, PEOPLE.admin, 'approval_approve', id);
    await waitFor(() => c.audit.some((e) => e.approvalId === id && e.type === 'executed'), {
      message: `${command} executed`,
    });
    expect(mutationsIn(c.authgear.requests.slice(from)).map((r) => r.operationName)).toEqual([operationName]);
    const executed = c.audit.find((e) => e.approvalId === id && e.type === 'executed');
    expect(executed?.actor.userId).toBe(PEOPLE.support);
  });
});
