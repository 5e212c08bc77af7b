/**
 * A grant's life as people see it: asked and approved, reminded with Extend (a new request, approved again) that
 * moves the end, ended early with Revoke now (the scheduled revoke then does nothing), overlapping grants of the same
 * role, a role deleted meanwhile, the policy's limits, and the App Home. In-memory stores, one replica, a clock the
 * test moves.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNELS, PEOPLE } from '../../support/app.js';
import { waitFor } from '../../support/wait.js';
import { buttonsOf } from '../account/flow.js';
import {
  approveLatest,
  clickStart,
  confirm,
  dmsTo,
  freshUserAndRole,
  type GrantCluster,
  grantEvents,
  grantPolicy,
  liveGrants,
  openHomeOf,
  removals,
  run,
  slash,
  startGrantCluster,
} from './harness.js';

const HOUR = 3_600_000;
const MINUTE = 60_000;
const text = (v: unknown): string => JSON.stringify(v);

let c: GrantCluster;

beforeAll(async () => {
  c = await startGrantCluster({ policy: grantPolicy({ approve: true }) });
});
afterAll(async () => c.stop());

/** support asks, an admin approves; returns the grant as the ledger holds it. */
const grantApproved = async (email: string, role: string, duration: string) => {
  const answer = await run(c, PEOPLE.support, `grant ${email} role:${role} for ${duration} incident 7`);
  expect(text(answer)).toContain('Sent for approval');
  await approveLatest(c);
};

describe('a grant through its life', () => {
  it('reminds the requester, and Extend (approved again) moves the end so the first end does nothing', async () => {
    const dee = freshUserAndRole(c, 'dee');
    await grantApproved(dee.email, dee.roleKey, '2h');
    expect(dee.holds()).toBe(true);
    const [grant] = await liveGrants(c, dee.nodeId);
    expect(grant?.requester.userId).toBe(PEOPLE.support);
    const firstEnd = grant?.exp ?? 0;

    c.advance(2 * HOUR - 15 * MINUTE);
    const reminder = await waitFor(
      () =>
        dmsTo(c, PEOPLE.support).find((m) => text(m).includes('ends in') && text(m).includes(dee.roleKey)),
      { message: 'the reminder DM' },
    );
    expect(text(reminder)).toContain('Extend by 2h');
    const confirmation = await clickStart(c, PEOPLE.support, reminder, 'Extend by 2h');
    expect(text(confirmation)).toContain('ends 2h later');
    expect(text(await confirm(c, PEOPLE.support, confirmation))).toContain('Sent for approval');
    expect((await liveGrants(c, dee.nodeId))[0]?.exp).toBe(firstEnd);
    await approveLatest(c, PEOPLE.admin2);
    expect((await liveGrants(c, dee.nodeId))[0]?.exp).toBe(firstEnd + 2 * HOUR);
    expect(grantEvents(c, dee.email, 'executed').map((e) => e.actionKey)).toEqual(['grant', 'extend-grant']);

    c.advance(15 * MINUTE + MINUTE);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(dee.holds()).toBe(true);
    expect(removals(c, dee.roleKey)).toHaveLength(0);

    c.advance(2 * HOUR);
    await waitFor(() => !dee.holds(), { message: 'the extended grant to end' });
    await waitFor(() => grantEvents(c, dee.email, 'expired').length === 1);
    expect(removals(c, dee.roleKey)).toHaveLength(1);
  });

  it('ends a grant with Revoke now from the grants list, and its scheduled end later does nothing', async () => {
    const eve = freshUserAndRole(c, 'eve');
    await grantApproved(eve.email, eve.roleKey, '3h');
    const list = await slash(c, PEOPLE.admin, `grants ${eve.email}`);
    expect(text(list)).toContain(eve.roleKey);
    const confirmation = await clickStart(c, PEOPLE.admin, list, 'Revoke now');
    const answer = await confirm(c, PEOPLE.admin, confirmation);
    expect(text(answer)).toContain('Revoked');
    expect(eve.holds()).toBe(false);
    await waitFor(() => grantEvents(c, eve.email, 'revoked').length === 1);
    expect(grantEvents(c, eve.email, 'revoked')[0]?.actor.userId).toBe(PEOPLE.admin);

    c.advance(4 * HOUR);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(removals(c, eve.roleKey)).toHaveLength(1);
    expect(grantEvents(c, eve.email, 'expired')).toEqual([]);
    expect(text(await slash(c, PEOPLE.admin, `grants ${eve.email}`))).toContain('No grants are running');
  });

  it('extends and revokes by slash verb: extend-grant moves the end, revoke-grant ends every running grant', async () => {
    const kim = freshUserAndRole(c, 'kim');
    await grantApproved(kim.email, kim.roleKey, '1h');
    const [before] = await liveGrants(c, kim.nodeId);
    expect(
      text(await run(c, PEOPLE.support, `extend-grant ${kim.email} role:${kim.roleKey} by 30m still on it`)),
    ).toContain('Sent for approval');
    await approveLatest(c);
    expect((await liveGrants(c, kim.nodeId))[0]?.exp).toBe((before?.exp ?? 0) + 30 * MINUTE);
    const answer = await run(c, PEOPLE.support, `revoke-grant ${kim.email} role:${kim.roleKey}`);
    expect(text(answer)).toContain('Revoked');
    expect(kim.holds()).toBe(false);
    const sent = removals(c, kim.roleKey);
    expect(sent.map((r) => r.variables)).toEqual([
      { input: { userID: kim.nodeId, roleKeys: [kim.roleKey] } },
    ]);
    expect(await liveGrants(c, kim.nodeId)).toEqual([]);
  });

  it('says no grant is running before asking to confirm a revoke or an extension, and again at Confirm', async () => {
    const lou = freshUserAndRole(c, 'lou');
    for (const verb of [
      `revoke-grant ${lou.email} role:${lou.roleKey}`,
      `extend-grant ${lou.email} role:${lou.roleKey} by 1h`,
    ]) {
      const answer = text(await slash(c, PEOPLE.support, verb));
      expect(answer).toContain(`No grant of role \`${lou.roleKey}\` is running`);
      expect(answer).not.toContain('confirm_action');
    }
    expect(
      c.fakes.slack.messagesIn(CHANNELS.approvals).filter((m) => text(m.args).includes(lou.email)),
    ).toEqual([]);
    // Running when asked, revoked by someone else before Confirm: the execution looks again.
    await grantApproved(lou.email, lou.roleKey, '1h');
    const asked = await slash(c, PEOPLE.support, `revoke-grant ${lou.email} role:${lou.roleKey}`);
    expect(text(asked)).toContain('confirm_action');
    expect(text(await run(c, PEOPLE.admin, `revoke-grant ${lou.email} role:${lou.roleKey}`))).toContain(
      'Revoked',
    );
    expect(text(await confirm(c, PEOPLE.support, asked))).toContain(
      `No grant of role \`${lou.roleKey}\` is running`,
    );
  });

  it('keeps access at the first of two overlapping grants ending, and takes it back at the second', async () => {
    const fay = freshUserAndRole(c, 'fay');
    await grantApproved(fay.email, fay.roleKey, '1h');
    await grantApproved(fay.email, fay.roleKey, '3h');
    expect(await liveGrants(c, fay.nodeId)).toHaveLength(2);
    c.advance(HOUR + MINUTE);
    await waitFor(() => grantEvents(c, fay.email, 'expired').length === 1, {
      message: 'the first grant to end',
    });
    expect(grantEvents(c, fay.email, 'expired')[0]?.summary).toContain(
      'another grant of the same access runs on',
    );
    expect(fay.holds()).toBe(true);
    expect(removals(c, fay.roleKey)).toHaveLength(0);
    c.advance(2 * HOUR);
    await waitFor(() => !fay.holds(), { message: 'the second grant to end' });
    expect(removals(c, fay.roleKey)).toHaveLength(1);
  });

  it('ends a grant whose role was deleted meanwhile, without retrying', async () => {
    const gil = freshUserAndRole(c, 'gil');
    await grantApproved(gil.email, gil.roleKey, '1h');
    const role = c.fakes.authgear.store.role(gil.roleKey);
    if (role) c.fakes.authgear.store.removeRole(role.id);
    c.advance(HOUR + MINUTE);
    await waitFor(() => grantEvents(c, gil.email, 'expired').length === 1, { message: 'the grant to end' });
    expect(grantEvents(c, gil.email, 'expired')[0]?.summary).toContain('no longer exists');
    expect(grantEvents(c, gil.email, 'failed')).toEqual([]);
    expect(await liveGrants(c, gil.nodeId)).toEqual([]);
  });

  it('refuses a grant longer than the policy allows, or without a duration, before anyone is asked', async () => {
    const hal = freshUserAndRole(c, 'hal');
    expect(text(await slash(c, PEOPLE.support, `grant ${hal.email} role:${hal.roleKey} for 9h`))).toContain(
      `The longest grant of \`role:${hal.roleKey}\` is 8h`,
    );
    expect(text(await slash(c, PEOPLE.support, `grant ${hal.email} role:${hal.roleKey}`))).toContain(
      'Say for how long',
    );
    // A duration too long to be any grant is still a duration: it gets the same limit as `for 9h`.
    expect(
      text(await slash(c, PEOPLE.support, `grant ${hal.email} role:${hal.roleKey} for 99999999999h`)),
    ).toContain(`The longest grant of \`role:${hal.roleKey}\` is 8h`);
    const zero = text(await slash(c, PEOPLE.support, `grant ${hal.email} role:${hal.roleKey} for 0m`));
    expect(zero).toContain('A grant must last longer than 0');
    expect(zero).not.toContain('Say for how long');
    expect(
      text(await slash(c, PEOPLE.support, `extend-grant ${hal.email} role:${hal.roleKey} by 0h`)),
    ).toContain('A grant must last longer than 0');
    expect(
      c.fakes.slack.messagesIn(CHANNELS.approvals).filter((m) => text(m.args).includes(hal.email)),
    ).toEqual([]);
  });

  it('refuses to grant for a while what the user already holds for good, which the end would take away', async () => {
    const ivy = freshUserAndRole(c, 'ivy');
    const user = c.fakes.authgear.store.users().find((u) => u.standardAttributes.email === ivy.email);
    const role = c.fakes.authgear.store.role(ivy.roleKey);
    if (user && role) user.roleIds.add(role.id);
    await grantApproved(ivy.email, ivy.roleKey, '1h');
    await waitFor(() => dmsTo(c, PEOPLE.support).find((m) => text(m).includes('already holds')), {
      message: 'the requester to hear why it did not run',
    });
    expect(await liveGrants(c, ivy.nodeId)).toEqual([]);
    expect(ivy.holds()).toBe(true);
  });
});

describe('the App Home', () => {
  it("shows the person's own running grants with Revoke now", async () => {
    const ida = freshUserAndRole(c, 'ida');
    await grantApproved(ida.email, ida.roleKey, '2h');
    const home = await openHomeOf(c, PEOPLE.support);
    expect(text(home)).toContain('Your grants (');
    expect(text(home)).toContain(ida.roleKey);
    expect(buttonsOf(home).some((b) => text(b.text).includes('Revoke now'))).toBe(true);
    const adminHome = await openHomeOf(c, PEOPLE.admin);
    expect(text(adminHome)).not.toContain(ida.roleKey);
  });
});
