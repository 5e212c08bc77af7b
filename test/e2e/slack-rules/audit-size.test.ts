/**
 * Slack refuses a message with more than about 12,000 characters of block text (`msg_blocks_too_long`, RULES.md).
 * A burst of audit events with long reasons still reaches the audit channel complete: split by text, every message
 * under 10,000 characters.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMemoryApprovalStore } from '../../../src/approvals/memory-store.js';
import { CHANNELS, PEOPLE, startTestApp, type TestApp } from '../../support/app.js';
import { blockTextLength } from '../../support/block-kit.js';
import { waitFor } from '../../support/wait.js';
import { confirmValueOf } from '../account/flow.js';

const POLICY = `
channels: { approvals: ${CHANNELS.approvals}, audit: ${CHANNELS.audit} }
roles:
  support: { actions: [user.view, user.disable] }
  admin: { inherits: [support], actions: ["*"] }
members:
  - { slack_user: ${PEOPLE.admin}, roles: [admin] }
  - { slack_user: ${PEOPLE.support}, roles: [support] }
approvals:
  user.disable: { approvers: [admin], required: 1, expires_in: 1h }
`;

const BURST = 24;
const REASON = 'the customer asked us twice in writing to stop every login on this account '.repeat(6).trim();

let t: TestApp;
beforeAll(async () => {
  // Audit posts at most every 1.5 s, so the burst piles up in the outbox and goes out in batches.
  t = await startTestApp({
    policy: POLICY,
    deps: { approvals: { store: createMemoryApprovalStore() }, auditMinIntervalMs: 1500 },
  });
  for (let i = 0; i < BURST; i++)
    t.authgear.store.addUser({
      email: `burst-${i}@example.com`,
      name: `${'Somebody With A Rather Long Display Name '.repeat(5)}${i}`,
    });
});
afterAll(async () => t.stop());

/** support asks to disable burst user `i`: command, then Confirm; resolves once the request is sent. */
const ask = async (i: number) => {
  const command = await t.driver.slashCommand({
    userId: PEOPLE.support,
    text: `disable burst-${i}@example.com ${REASON}`,
  });
  const click = await t.driver.blockAction({
    userId: PEOPLE.support,
    actionId: 'confirm_action',
    blockId: 'confirm',
    value: confirmValueOf(await t.response(command.responseUrlId)),
  });
  await t.response(click.responseUrlId);
};

describe('a burst of audit events with long reasons', () => {
  it('reaches the audit channel complete, every message under 10,000 characters of block text', async () => {
    await Promise.all(Array.from({ length: BURST }, (_, i) => ask(i)));
    const audited = () =>
      t.slack
        .messagesIn(CHANNELS.audit)
        .flatMap((m) => [...JSON.stringify(m.args.blocks).matchAll(/burst-(\d+)@example\.com/g)])
        .map((match) => Number(match[1]));
    await waitFor(() => new Set(audited()).size === BURST, { timeoutMs: 20_000, message: 'all 24 events' });
    const messages = t.slack.messagesIn(CHANNELS.audit);
    expect(messages.length).toBeLessThan(BURST); // batched
    for (const m of messages) {
      expect(blockTextLength(m.args.blocks)).toBeLessThanOrEqual(10_000);
      const lines = String(m.args.text);
      for (const n of new Set([...JSON.stringify(m.args.blocks).matchAll(/burst-(\d+)@/g)].map((x) => x[1])))
        expect(lines).toContain(`burst-${n}@example.com`); // the text fallback carries every event
    }
    expect(t.slack.refusals).toEqual([]);
  });
});
