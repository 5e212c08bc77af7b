/**
 * Slack escapes `&`, `<`, `>` and wraps emails, links and mentions in `<…|…>` in command text; Macs type smart
 * quotes (RULES.md "Text Slack sends"). The driver sends text exactly so; what reaches Authgear, the approval card and
 * the audit trail is what the person meant, escaped again only where it is rendered.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMemoryApprovalStore } from '../../../src/approvals/memory-store.js';
import { CHANNELS, PEOPLE, startTestApp, type TestApp } from '../../support/app.js';
import { formShown } from '../../support/views.js';
import { waitFor } from '../../support/wait.js';
import { approvalPolicy, type Cluster, startCluster } from '../approvals/cluster.js';
import { approvalIdOf, askAndConfirm, click, disableMutations, lastCardText } from '../approvals/flow.js';
import { confirmAndWait } from '../records/helpers.js';

describe('escaped command text reaches Authgear unescaped', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
    t.authgear.store.addUser({ email: 'bob@example.com', name: 'Bob' });
    t.authgear.store.addUser({ email: 'carol@example.com', name: 'Carol' });
  });
  afterAll(async () => t.stop());

  const mutation = (name: string) => t.authgear.requests.filter((r) => r.operationName === name).at(-1);
  const confirmed = async (text: string, smartQuotes = false) => {
    const command = await t.driver.slashCommand({ userId: PEOPLE.support, text, smartQuotes });
    return confirmAndWait(t, PEOPLE.support, await t.response(command.responseUrlId));
  };

  it('edit: `family_name=Builder & Sons` and a bare link are stored as typed', async () => {
    const result = await confirmed(
      'edit bob@example.com family_name=Builder & Sons website=https://x.example/home',
    );
    expect(JSON.stringify(result)).toContain('2 attributes changed');
    const input = mutation('UpdateUser')?.variables.input as { standardAttributes: Record<string, unknown> };
    expect(input.standardAttributes).toMatchObject({
      family_name: 'Builder & Sons',
      website: 'https://x.example/home',
    });
  });

  it('disable: a reason with smart quotes, & and <> reaches Authgear as typed', async () => {
    await confirmed('disable carol@example.com "Fraud" & <chargeback> isn\'t ok', true);
    expect(mutation('SetDisabledStatus')?.variables).toMatchObject({
      reason: `"Fraud" & <chargeback> isn't ok`,
    });
  });

  it('does not take a channel or a labelled link for a username', async () => {
    for (const typed of ['user #general', 'user https://x.example/alice']) {
      const command = await t.driver.slashCommand({ userId: PEOPLE.viewer, text: typed });
      expect(JSON.stringify(await t.response(command.responseUrlId))).toContain("can't tell who that is");
    }
    const labelled = await t.driver.slashCommand({
      userId: PEOPLE.viewer,
      text: 'ignored',
      sentText: 'user <https://x.example|alice>',
    });
    expect(JSON.stringify(await t.response(labelled.responseUrlId))).toContain("can't tell who that is");
  });
});

describe('approval reasons and comments', () => {
  let c: Cluster;
  beforeAll(async () => {
    c = await startCluster({ store: createMemoryApprovalStore(), policy: approvalPolicy(1) });
  });
  afterAll(async () => c.stop());

  it('keeps the reason and the comment as typed, and escapes them once on the card', async () => {
    c.authgear.store.addUser({ email: 'commented-escape@example.com' });
    await askAndConfirm(c, PEOPLE.support, 'disable commented-escape@example.com Fraud & <chargeback>');
    const card = await waitFor(() =>
      c.slack.messagesIn(CHANNELS.approvals).find((m) => JSON.stringify(m.args).includes('commented-escape')),
    );
    const id = approvalIdOf(card.args);
    expect(JSON.stringify(card.args.blocks)).toContain('Reason: Fraud &amp; &lt;chargeback&gt;');
    const requested = c.audit.find((e) => e.approvalId === id && e.type === 'requested');
    expect(requested?.reason).toBe('Fraud & <chargeback>');
    const before = c.slack.calls.length;
    await click(c, PEOPLE.admin, 'approval_approve_comment', id);
    const form = await formShown(c.slack, before);
    await c.instances[0]?.driver.viewSubmission({
      userId: PEOPLE.admin,
      callbackId: 'approval_approve_modal',
      privateMetadata: String(form.private_metadata),
      values: { comment: { comment: { type: 'plain_text_input', value: '"checked" with H&R <ok>' } } },
      smartQuotes: true,
    });
    await waitFor(() => disableMutations(c).length === 1);
    const approved = c.audit.find((e) => e.approvalId === id && e.type === 'approved');
    expect(approved?.comment).toBe('"checked" with H&R <ok>');
    await waitFor(() => lastCardText(c).includes('done'));
    expect(lastCardText(c)).toContain('\\"checked\\" with H&amp;R &lt;ok&gt;');
    expect(lastCardText(c)).not.toContain('&amp;amp;');
  });
});
