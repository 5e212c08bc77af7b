/**
 * A requester allowed a gated action but not `user.view` learns nothing about the target from the approval path:
 * after Confirm an existing and a missing user are both sent for approval, and every DM names only what they typed.
 * Approvers (the card) still see the real target.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMemoryApprovalStore } from '../../../src/approvals/memory-store.js';
import { CHANNELS, PEOPLE } from '../../support/app.js';
import { waitFor } from '../../support/wait.js';
import { type Cluster, startCluster } from './cluster.js';
import { approvalIdOf, askAndConfirm, click } from './flow.js';

const BLIND = PEOPLE.nobody;
const POLICY = `
channels:
  approvals: ${CHANNELS.approvals}
  audit: ${CHANNELS.audit}
roles:
  blind: { actions: [user.disable, user.otp] }
  admin: { actions: ["*"] }
members:
  - { slack_user: ${PEOPLE.admin}, roles: [admin] }
  - { slack_user: ${BLIND}, roles: [blind] }
approvals:
  user.disable: { approvers: [admin], required: 1, expires_in: 1h }
`;

let c: Cluster;
beforeAll(async () => {
  c = await startCluster({ store: createMemoryApprovalStore(), policy: POLICY });
});
afterAll(async () => c.stop());

const text = (v: unknown) => JSON.stringify(v);
const cardFor = (email: string) =>
  waitFor(() =>
    c.slack
      .messagesIn(CHANNELS.approvals)
      .map((m) => m.args)
      .find((a) => text(a).includes(email) && a.ts === undefined),
  );
/** Messages posted outside the approvals and audit channels: the requester's DMs. */
const dms = () =>
  c.slack
    .callsTo('chat.postMessage')
    .filter((call) => call.args.channel !== CHANNELS.approvals && call.args.channel !== CHANNELS.audit)
    .map((call) => text(call.args));
const disableMutations = () => c.authgear.requests.filter((r) => r.query.includes('setDisabledStatus'));

describe('a requester without user.view on a gated action', () => {
  it('is told the same after Confirm whether the user exists or not', async () => {
    c.authgear.store.addUser({ email: 'bb-real@example.com', name: 'Bob Builder' });
    const real = text(await askAndConfirm(c, BLIND, 'disable bb-real@example.com spam'));
    const missing = text(await askAndConfirm(c, BLIND, 'disable bb-missing@example.com spam'));
    expect(real).toContain('Sent for approval');
    expect(missing).toContain('Sent for approval');
    expect(real.replace(/ap_[A-Za-z0-9_-]+/g, '')).toBe(missing.replace(/ap_[A-Za-z0-9_-]+/g, ''));
  });

  it('gets a DM after approval that names only what was typed; the approver saw the real name', async () => {
    const user = c.authgear.store.addUser({ email: 'bb-run@example.com', name: 'Rob Runner' });
    expect(text(await askAndConfirm(c, BLIND, 'disable bb-run@example.com spam'))).toContain(
      'Sent for approval',
    );
    const card = await cardFor('bb-run@example.com');
    expect(text(card)).toContain('Rob Runner');
    await click(c, PEOPLE.admin, 'approval_approve', approvalIdOf(card));
    const dm = await waitFor(() => dms().find((d) => d.includes('Approved and done')), {
      message: "the requester's DM",
    });
    expect(dm).toContain('“bb-run@example.com”');
    expect(dm).not.toContain('Rob Runner');
    expect(c.authgear.store.status(user).isDisabled).toBe(true);
  });

  it('gets a neutral DM when the approved request finds no such user, and nothing is changed', async () => {
    await askAndConfirm(c, BLIND, 'disable bb-nobody@example.com spam');
    const card = await cardFor('bb-nobody@example.com');
    const from = disableMutations().length;
    await click(c, PEOPLE.admin, 'approval_approve', approvalIdOf(card));
    const dm = await waitFor(() => dms().find((d) => d.includes('bb-nobody@example.com')), {
      message: "the requester's DM",
    });
    expect(dm).toContain('could not be done for “bb-nobody@example.com”');
    expect(disableMutations().slice(from)).toEqual([]);
    await waitFor(() =>
      c.audit.some((e) => e.type === 'failed' && text(e).includes('bb-nobody@example.com')),
    );
  });

  it('goes for approval too when the user exists but the action does not fit, and is told neutrally', async () => {
    c.authgear.store.addUser({ email: 'bb-off@example.com', name: 'Dee Sabled', isDisabled: true });
    expect(text(await askAndConfirm(c, BLIND, 'disable bb-off@example.com spam'))).toContain(
      'Sent for approval',
    );
    const card = await cardFor('bb-off@example.com');
    await click(c, PEOPLE.admin, 'approval_approve', approvalIdOf(card));
    const dm = await waitFor(() => dms().find((d) => d.includes('bb-off@example.com')), {
      message: "the requester's DM",
    });
    expect(dm).toContain('could not be done for “bb-off@example.com”');
    expect(dm).not.toContain('Dee Sabled');
    expect(dm).not.toContain('already');
  });
});
