/** `/authgear approvals` and the App Home tab show each person what waits on them and what they asked for. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMemoryApprovalStore } from '../../../src/approvals/memory-store.js';
import { PEOPLE } from '../../support/app.js';
import { checkHomeView } from '../../support/block-kit.js';
import { waitFor } from '../../support/wait.js';
import { buttonsOf } from '../account/flow.js';
import { ADMIN3, approvalPolicy, type Cluster, startCluster } from './cluster.js';
import { click, disableMutations, lastCardText, openHome, request, slash, toldAbout } from './flow.js';

type Json = Record<string, unknown>;

const buttonsFor = (body: Json, actionId: string): string[] =>
  buttonsOf(body)
    .filter((b) => b.action_id === actionId)
    .map((b) => String(b.value));

let c: Cluster;
beforeAll(async () => {
  c = await startCluster({
    store: createMemoryApprovalStore(),
    policy: approvalPolicy(2),
  });
});
afterAll(async () => c.stop());

describe('/authgear approvals', () => {
  it('shows an approver the requests waiting on them with Approve and Reject, and nothing of their own', async () => {
    const { id } = await request(c, 'v1@example.com');
    const body = await slash(c, PEOPLE.admin, 'approvals');
    expect(JSON.stringify(body)).toContain('v1@example.com');
    expect(buttonsFor(body, 'approval_approve')).toContain(id);
    expect(buttonsFor(body, 'approval_reject')).toContain(id);
    expect(buttonsFor(body, 'approval_cancel')).toEqual([]);
    expect(c.slack.violations).toEqual([]);
  });

  it('shows the requester their pending request with Cancel, and nothing to approve', async () => {
    const { id } = await request(c, 'v2@example.com');
    const body = await slash(c, PEOPLE.support, 'approvals');
    expect(buttonsFor(body, 'approval_cancel')).toContain(id);
    expect(buttonsFor(body, 'approval_approve')).toEqual([]);
    expect(JSON.stringify(body)).toContain('Nothing waits on your approval');
  });

  it('stops listing a request for an approver once they have approved it (2 needed)', async () => {
    const { id } = await request(c, 'v3@example.com');
    const clicked = await click(c, PEOPLE.admin, 'approval_approve', id);
    expect(await toldAbout(c, clicked)).toContain('1 more needed');
    expect(buttonsFor(await slash(c, PEOPLE.admin, 'approvals'), 'approval_approve')).not.toContain(id);
    expect(buttonsFor(await slash(c, ADMIN3, 'approvals'), 'approval_approve')).toContain(id);
  });

  it('lets the requester cancel from the list', async () => {
    const { id } = await request(c, 'v4@example.com');
    const body = await slash(c, PEOPLE.support, 'approvals');
    expect(buttonsFor(body, 'approval_cancel')).toContain(id);
    await click(c, PEOPLE.support, 'approval_cancel', id);
    await waitFor(() => lastCardText(c).includes('Cancelled'));
    expect(buttonsFor(await slash(c, PEOPLE.support, 'approvals'), 'approval_cancel')).not.toContain(id);
  });

  it('refuses a person without approvals.view', async () => {
    const body = await slash(c, PEOPLE.nobody, 'approvals');
    expect(JSON.stringify(body)).toContain("don't have a role");
    expect(buttonsOf(body)).toEqual([]);
  });
});

describe('App Home', () => {
  it("shows an approver what waits on them, with the card's Approve and Reject buttons", async () => {
    const { id } = await request(c, 'h1@example.com');
    const view = await openHome(c, PEOPLE.admin2);
    expect(checkHomeView(view)).toEqual([]);
    expect(JSON.stringify(view)).toContain('Waiting on you');
    expect(buttonsFor(view, 'approval_approve')).toContain(id);
    expect(buttonsFor(view, 'approval_reject')).toContain(id);
  });

  it('shows the requester their recent requests and the state of each, with nothing to approve', async () => {
    const { id } = await request(c, 'h2@example.com');
    const view = await openHome(c, PEOPLE.support);
    expect(checkHomeView(view)).toEqual([]);
    const text = JSON.stringify(view);
    expect(text).toContain('Your recent requests');
    expect(text).toContain('h2@example.com');
    expect(text).toContain('waiting for approval');
    expect(text).toContain('cancelled'); // v4 from the list above
    expect(buttonsFor(view, 'approval_approve')).toEqual([]);
    expect(buttonsFor(view, 'approval_cancel')).toContain(id);
  });

  it('approving from the Home tab counts like the card and redraws the tab without that request', async () => {
    const { id } = await request(c, 'h3@example.com');
    await openHome(c, PEOPLE.admin2);
    const before = c.slack.callsTo('views.publish').length;
    const mutations = disableMutations(c).length;
    for (const approver of [PEOPLE.admin2, ADMIN3]) {
      await c.instances[0]?.driver.blockAction({
        userId: approver,
        actionId: 'approval_approve',
        blockId: `approval_${id}`,
        value: id,
        view: { id: `VH${approver}`, type: 'home', blocks: [] },
      });
    }
    await waitFor(() => disableMutations(c).length === mutations + 1);
    await waitFor(() => lastCardText(c).includes('done'));
    const redrawn = await waitFor(() =>
      c.slack
        .callsTo('views.publish')
        .slice(before)
        .filter((x) => x.args.user_id === ADMIN3)
        .at(-1),
    );
    expect(buttonsFor(redrawn.args.view as Json, 'approval_approve')).not.toContain(id);
  });

  it('tells a person without a role that no approvals concern them', async () => {
    const view = await openHome(c, PEOPLE.nobody);
    expect(checkHomeView(view)).toEqual([]);
    expect(JSON.stringify(view)).toContain("don't have a role");
  });
});
