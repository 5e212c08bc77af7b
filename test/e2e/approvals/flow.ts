/** Steps shared by the approval e2e tests: ask for a disable, click on the card, open the App Home. */
import { expect } from 'vitest';
import type { RecordedRequest } from '../../fakes/authgear/index.js';
import { CHANNELS, PEOPLE } from '../../support/app.js';
import { openHomeTab } from '../../support/home.js';
import type { DriverResult } from '../../support/slack-driver.js';
import { type WaitForOptions, waitFor } from '../../support/wait.js';
import { buttonsOf, confirmValueOf } from '../account/flow.js';
import type { Cluster, ClusterInstance } from './cluster.js';

type Json = Record<string, unknown>;

const instanceOf = (c: Cluster, i: number): ClusterInstance => {
  const found = c.instances[i];
  if (!found) throw new Error(`no instance ${i}`);
  return found;
};

/** setDisabledStatus mutations Authgear received. */
export const disableMutations = (c: Cluster): RecordedRequest[] =>
  c.authgear.requests.filter(
    (r) => r.operationName === 'setDisabledStatus' || r.query.includes('setDisabledStatus'),
  );

/** `/authgear <text>` as `userId`, then Confirm on the confirmation; returns the final answer (not "working…"). */
export const askAndConfirm = async (
  c: Cluster,
  userId: string,
  text: string,
  instance = 0,
): Promise<Json> => {
  const { driver } = instanceOf(c, instance);
  const cmd = await driver.slashCommand({ userId, text });
  const confirmation = await waitFor(() => c.slack.responsesTo(cmd.responseUrlId ?? '')[0]?.body);
  const click = await driver.blockAction({
    userId,
    actionId: 'confirm_action',
    blockId: 'confirm',
    value: confirmValueOf(confirmation),
    ephemeral: true, // the confirmation came through the command's response_url
  });
  return waitFor(() =>
    c.slack
      .responsesTo(click.responseUrlId ?? '')
      .map((r) => r.body)
      .find((b) => !String(b.text ?? '').endsWith('…')),
  );
};

/** The approval ID carried by the Approve button of a card. */
export const approvalIdOf = (card: Json): string =>
  String(buttonsOf(card).find((b) => b.action_id === 'approval_approve')?.value);

/** support asks (on `instance`) to disable a fresh user; returns the approval ID from the card in the approvals channel. */
export const request = async (
  c: Cluster,
  email: string,
  instance = 0,
): Promise<{ id: string; card: Json }> => {
  c.authgear.store.addUser({ email });
  const answer = await askAndConfirm(c, PEOPLE.support, `disable ${email} left the company`, instance);
  expect(JSON.stringify(answer)).toContain('Sent for approval');
  const card = await waitFor(() =>
    c.slack
      .messagesIn(CHANNELS.approvals)
      .map((m) => m.args)
      .find((a) => JSON.stringify(a).includes(email) && a.ts === undefined),
  );
  return { id: approvalIdOf(card), card };
};

/** A click on the approval card in the approvals channel, received by `instance`. */
export const click = (c: Cluster, userId: string, actionId: string, id: string, instance = 0) =>
  instanceOf(c, instance).driver.blockAction({
    userId,
    actionId,
    blockId: 'approval',
    value: id,
    channelId: CHANNELS.approvals,
  });

/**
 * 50 concurrent Approve clicks on approval `id`, spread over three admins and over the instances; resolves once the
 * card says done and the execution is audited (the caller checks that it ran exactly once).
 */
export const approveFiftyTimes = async (
  c: Cluster,
  id: string,
  approvers: readonly string[],
): Promise<void> => {
  await Promise.all(
    Array.from({ length: 50 }, (_, i) =>
      click(
        c,
        approvers[i % approvers.length] ?? PEOPLE.admin,
        'approval_approve',
        id,
        i % c.instances.length,
      ),
    ),
  );
  await waitFor(() => lastCardText(c).includes('done'), { timeoutMs: 10_000 });
  await waitFor(() => c.audit.some((e) => e.approvalId === id && e.type === 'executed'));
};

export const lastCardText = (c: Cluster): string =>
  JSON.stringify(c.slack.callsTo('chat.update').at(-1)?.args ?? {});

/** What the clicker was told about a click, through the click's own response_url (JSON text). */
export const toldAbout = async (
  c: Cluster,
  clicked: DriverResult,
  options: WaitForOptions = {},
): Promise<string> =>
  JSON.stringify(
    await waitFor(() => c.slack.responsesTo(clicked.responseUrlId ?? '')[0]?.body, {
      message: 'an answer to the click',
      ...options,
    }),
  );

/** Runs `/authgear <text>` as `userId` and returns the (single) response message. */
export const slash = async (c: Cluster, userId: string, text: string, instance = 0): Promise<Json> => {
  const cmd = await instanceOf(c, instance).driver.slashCommand({ userId, text });
  return waitFor(() => c.slack.responsesTo(cmd.responseUrlId ?? '')[0]?.body);
};

/** Opens `userId`'s App Home (an app_home_opened event, signed like Slack) and returns the view published. */
export const openHome = (c: Cluster, userId: string, instance = 0): Promise<Json> =>
  openHomeTab(instanceOf(c, instance).driver, c.slack, userId);
