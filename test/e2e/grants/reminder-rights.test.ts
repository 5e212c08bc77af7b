/**
 * The reminder before a grant ends offers only what its requester may do: Revoke now only with `user.revoke_grant`,
 * Extend only with `user.grant` on a target the policy lets them grant. A button forged or kept from an older
 * reminder is checked again at the click.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { grantReminderMessage } from '../../../src/blocks/grants.js';
import { CHANNELS, PEOPLE } from '../../support/app.js';
import { waitFor } from '../../support/wait.js';
import { buttonsOf } from '../account/flow.js';
import { dmsTo, freshUserAndRole, type GrantCluster, liveGrants, run, startGrantCluster } from './harness.js';

const MINUTE = 60_000;
const text = (v: unknown): string => JSON.stringify(v);

const policy = `
channels: { approvals: ${CHANNELS.approvals}, audit: ${CHANNELS.audit} }
roles:
  support: { actions: [user.view, user.grant] }
  admin: { actions: ["*"] }
members:
  - { slack_user: ${PEOPLE.admin}, roles: [admin] }
  - { slack_user: ${PEOPLE.support}, roles: [support] }
grants:
  remind_before: 15m
  targets:
    role:dee_role: 1h
`;

let c: GrantCluster;
beforeAll(async () => {
  c = await startGrantCluster({ policy });
});
afterAll(async () => c.stop());

describe('the grant reminder', () => {
  it('offers Extend but not Revoke now to a requester without user.revoke_grant, and refuses a forged Revoke now', async () => {
    const dee = freshUserAndRole(c, 'dee');
    expect(text(await run(c, PEOPLE.support, `grant ${dee.email} role:${dee.roleKey} for 30m`))).toContain(
      'Granted role',
    );
    c.advance(15 * MINUTE + MINUTE);
    const reminder = await waitFor(
      () =>
        dmsTo(c, PEOPLE.support).find((m) => text(m).includes('ends in') && text(m).includes(dee.roleKey)),
      { message: 'the reminder DM' },
    );
    const labels = buttonsOf(reminder).map((b) => text(b.text));
    expect(labels.some((l) => l.includes('Extend by 30m'))).toBe(true);
    expect(labels.some((l) => l.includes('Revoke now'))).toBe(false);

    const [grant] = await liveGrants(c, dee.nodeId);
    if (!grant) throw new Error('no grant');
    const forged = buttonsOf(
      grantReminderMessage(grant, { now: c.now().getTime(), extendMs: undefined, canRevoke: true }),
    ).find((b) => text(b.text).includes('Revoke now'));
    const instance = c.instances[0];
    if (!forged || !instance) throw new Error('no forged button');
    const click = await instance.driver.blockAction({
      userId: PEOPLE.support,
      actionId: String(forged.action_id),
      value: String(forged.value),
      channelId: c.fakes.slack.dmChannelFor(PEOPLE.support),
    });
    const answer = await waitFor(() => c.fakes.slack.responsesTo(click.responseUrlId ?? '')[0]?.body);
    expect(text(answer)).toContain('`user.revoke_grant`');
    expect(dee.holds()).toBe(true);
  });
});
