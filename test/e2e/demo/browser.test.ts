/**
 * The demo in a real browser (Debian's Chromium via playwright-core), using roles and labels only: Sam asks to
 * disable Alice, Ada approves, #audit and Sam's DM report it. Saves the README's screenshot when asked
 * (UPDATE_DEMO_SCREENSHOT=1 writes docs/demo.png; otherwise test-results/demo.png).
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type RunningDemo, startDemo } from '../../../demo/start.js';
import { type LaunchedBrowser, launchChromium } from '../../support/chromium.js';
import { projectRoot } from '../../support/shared.js';

let demo: RunningDemo;
let chromium: LaunchedBrowser;
let page: Page;

beforeAll(async () => {
  chromium = await launchChromium();
  demo = await startDemo(
    { port: 0, host: '127.0.0.1', redisUrl: undefined, redisPrefix: 'test:', logLevel: 'silent' },
    { logTo: { write: () => undefined } },
  );
  page = await chromium.context.newPage();
  page.setDefaultTimeout(10_000);
});
afterAll(async () => {
  await chromium?.close();
  await demo?.stop();
});

const actAs = (label: string) => page.getByLabel('Acting as').selectOption({ label });
const openConversation = (name: string) =>
  page.getByRole('navigation', { name: 'Conversations' }).getByRole('button', { name, exact: true }).click();
/** Messages in the open conversation (not the Admin API panel's entries). */
const messageWith = (text: string | RegExp) =>
  page
    .getByRole('list', { name: /^History of / })
    .getByRole('listitem')
    .filter({ hasText: text });

it('drives the demo like a person: command, card, form, confirmation, approval, audit and DM', {
  timeout: 90_000,
}, async () => {
  // 1. Open the page.
  await page.goto(demo.url);
  await expect.poll(() => page.getByRole('note').textContent()).toContain('Simulation with fake data');

  // 2. Act as Sam and type the command.
  await actAs('Sam Rivera (support, through @support)');
  const composer = page.getByLabel('Message', { exact: true });
  await composer.fill('/authgear user alice@example.com');
  await composer.press('Enter');

  // 3. The card, its Disable button, the dialog (an empty reason is refused inline), submit.
  const card = messageWith('Alice Liddell').filter({
    has: page.getByRole('button', { name: 'Disable', exact: true }),
  });
  await card.waitFor();
  await expect.poll(() => card.textContent()).toContain('Only visible to you');
  await card.getByRole('button', { name: 'Disable', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Disable user' });
  await dialog.getByRole('button', { name: 'Continue' }).click();
  await expect.poll(() => dialog.getByRole('alert').textContent()).toContain('Give a reason');
  await dialog.getByLabel('Reason').fill('Chargeback & fraud <report>');
  await dialog.getByRole('button', { name: 'Continue' }).click();
  await dialog.waitFor({ state: 'detached' });

  // 4. Confirm.
  const confirmation = messageWith('Target:').filter({ hasText: 'Chargeback & fraud <report>' });
  await confirmation.getByRole('button', { name: 'Disable', exact: true }).click();
  await messageWith(/sent for approval/i).waitFor();

  // 5. The approval card in #approvals.
  await openConversation('approvals');
  const approval = messageWith('alice@example.com').filter({
    has: page.getByRole('button', { name: 'Approve', exact: true }),
  });
  await approval.waitFor();

  // 6. Ada approves.
  await actAs('Ada Park (admin)');
  await approval.getByRole('button', { name: 'Approve', exact: true }).click();
  // The card says it is done; Ada alone is also told so, through her click's response_url.
  await messageWith('Approval request')
    .filter({ hasText: 'alice@example.com' })
    .filter({ hasText: /done/i })
    .waitFor();
  await messageWith(/approved and done/)
    .filter({ hasText: 'Only visible to you' })
    .waitFor();

  // 7. #audit records the execution; Sam's DM reports it.
  await openConversation('audit');
  await messageWith(/executed/)
    .filter({ hasText: 'alice@example.com' })
    .waitFor();
  await actAs('Sam Rivera (support, through @support)');
  await openConversation('Authgear');
  await page.getByRole('tab', { name: 'Messages' }).click();
  await messageWith(/Approved and done/).waitFor();
  await openConversation('approvals');
  const panel = page.getByRole('complementary', { name: 'What reached Authgear' });
  const mutation = panel
    .getByRole('listitem')
    .filter({ hasText: /setDisabledStatus/i })
    .first();
  await mutation.getByText('SetDisabledStatus', { exact: true }).click();
  await expect.poll(() => mutation.textContent()).toContain('Chargeback & fraud <report>');

  // 8. Screenshot.
  const file = process.env.UPDATE_DEMO_SCREENSHOT
    ? path.join(projectRoot, 'docs', 'demo.png')
    : path.join(projectRoot, 'test-results', 'demo.png');
  mkdirSync(path.dirname(file), { recursive: true });
  const png = await page.screenshot({ path: file });
  expect(png.subarray(1, 4).toString()).toBe('PNG');
});

it('shows the App Home tab, and hides Sam’s ephemeral card from Vic', async () => {
  await actAs('Vic Chen (viewer)');
  await openConversation('ops');
  await expect.poll(() => messageWith('Alice Liddell').count()).toBe(0);
  await openConversation('Authgear');
  await page.getByRole('tab', { name: 'Home' }).click();
  await expect
    .poll(() => page.getByRole('tabpanel', { name: 'Home' }).textContent())
    .toMatch(/approval|request/i);
});

it('closes a dialog with its close button (the × in its header) and with Esc, as Slack does', async () => {
  await actAs('Sam Rivera (support, through @support)');
  await openConversation('ops');
  const composer = page.getByLabel('Message', { exact: true });
  await composer.fill('/authgear user bob@example.com');
  await composer.press('Enter');
  const card = messageWith('Bob Builder').filter({
    has: page.getByRole('button', { name: 'Disable', exact: true }),
  });
  await card.waitFor();
  const dialog = page.getByRole('dialog', { name: 'Disable user' });

  await card.getByRole('button', { name: 'Disable', exact: true }).click();
  await dialog.waitFor();
  await dialog.getByRole('button', { name: 'Close dialog' }).click();
  await dialog.waitFor({ state: 'detached' });

  await card.getByRole('button', { name: 'Disable', exact: true }).click();
  await dialog.waitFor();
  await dialog.getByLabel('Reason').fill('typing, then Esc');
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'detached' });

  await card.getByRole('button', { name: 'Disable', exact: true }).click();
  await dialog.waitFor();
  await dialog.getByRole('button', { name: 'Cancel', exact: true }).click();
  await dialog.waitFor({ state: 'detached' });
});

it('forgets ephemeral messages on a page reload, as Slack does, and keeps stored ones', async () => {
  await actAs('Sam Rivera (support, through @support)');
  await openConversation('ops');
  const composer = page.getByLabel('Message', { exact: true });
  await composer.fill('/authgear user carol');
  await composer.press('Enter');
  const card = messageWith('carol').filter({ hasText: 'Only visible to you' });
  await card.first().waitFor();
  // A stored message in the same place: Sam's own message to #ops.
  await composer.fill('stored hello from Sam');
  await composer.press('Enter');
  await messageWith('stored hello from Sam').waitFor();

  await page.reload();
  await messageWith('stored hello from Sam').waitFor();
  await expect.poll(() => messageWith('Only visible to you').count()).toBe(0);
  await expect.poll(() => messageWith('/authgear user carol').count()).toBe(0);
  // Stored messages elsewhere survive too: the approval card from the first test.
  await openConversation('approvals');
  await messageWith('Approval request').first().waitFor();

  // A new ephemeral after the reload shows as usual.
  await openConversation('ops');
  await composer.fill('/authgear user carol');
  await composer.press('Enter');
  await card.first().waitFor();
});
