/**
 * The demo end to end through its page endpoints (the browser test drives the same flow through a real page):
 * the real bot, both fakes, signed requests, response_urls and trigger_ids, and what each person sees.
 */
import { request } from 'node:http';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MASK } from '../../../demo/authgear-log.js';
import { DEMO_USER_IDS } from '../../../demo/seed/authgear.js';
import { type RunningDemo, startDemo } from '../../../demo/start.js';
import { startPrivateRedis } from '../../support/redis.js';
import { waitFor } from '../../support/wait.js';
import { blockText, buttonAt, type PageApi, pageApi } from './page-api.js';

const SAM = 'U0SAM';
const ADA = 'U0ADA';
const VIC = 'U0VIC';
const OPS = 'C0OPS';

let demo: RunningDemo;
let api: PageApi;
const logs: string[] = [];

beforeAll(async () => {
  demo = await startDemo(
    { port: 0, host: '127.0.0.1', redisUrl: undefined, redisPrefix: 'test:', logLevel: 'info' },
    { logTo: { write: (line) => void logs.push(line) } },
  );
  api = pageApi(demo.url);
});
afterAll(async () => demo.stop());

describe('the demo', () => {
  it('runs the issue’s story: Sam asks to disable Alice, Ada approves, #audit and Sam’s DM report it', async () => {
    expect(
      (await api.post('/api/send', { as: SAM, channel: OPS, text: '/authgear user alice@example.com' }))
        .status,
    ).toBe(200);
    const card = await api.message(
      SAM,
      OPS,
      (m) => buttonAt(m.blocks, 'Disable') !== undefined,
      'Alice’s card',
    );
    expect(card.visibleTo).toBe(SAM);
    expect(blockText(card)).toContain('Alice Liddell');
    expect((await api.state(VIC)).messages[OPS]?.some((m) => m.key === card.key)).toBe(false);

    await api.click(SAM, card, 'Disable');
    // The form opens at once as "Loading…", then the bot fills it in (views.update) once Authgear answered.
    const modal = await waitFor(
      async () => {
        const m = (await api.state(SAM)).modal;
        return m && JSON.stringify(m.view.blocks).includes('"input"') ? m : undefined;
      },
      { message: 'the Disable form' },
    );
    const empty = await api.post('/api/submit', { as: SAM, viewId: modal.view.id, values: {} });
    expect(empty.status).toBe(200);
    const withErrors = await waitFor(async () => {
      const m = (await api.state(SAM)).modal;
      return m && Object.keys(m.errors).length > 0 ? m : undefined;
    });
    expect(Object.values(withErrors.errors).join(' ')).toContain('Give a reason');
    await api.post('/api/submit', {
      as: SAM,
      viewId: modal.view.id,
      values: { reason: { reason: { value: 'Chargeback & fraud <report>' } } },
    });
    await waitFor(async () => (await api.state(SAM)).modal === undefined, { message: 'the form to close' });

    const confirm = await api.message(SAM, OPS, (m) => blockText(m).includes('Target:'), 'the confirmation');
    await api.click(SAM, confirm, 'Disable');
    const card2 = await api.message(
      ADA,
      'C0APPROVALS',
      (m) => buttonAt(m.blocks, 'Approve') !== undefined,
      'the approval card',
    );
    expect(card2.visibleTo).toBeUndefined();
    expect(blockText(card2)).toContain('Chargeback &amp; fraud &lt;report&gt;');

    await api.click(ADA, card2, 'Approve');
    await api.message(ADA, 'C0AUDIT', (m) => /executed|done/i.test(blockText(m)), 'the execution in #audit');
    const dm = (await api.state(SAM)).conversations.find((c) => c.kind === 'dm')?.id ?? '';
    await api.message(SAM, dm, (m) => /done|disabled/i.test(blockText(m)), 'Sam’s DM');
    const state = await api.state(SAM);
    const mutation = state.operations.find((o) => o.operationName.toLowerCase().includes('disabled'));
    expect(mutation?.kind).toBe('mutation');
    expect(JSON.stringify(mutation?.variables)).toContain('Chargeback & fraud <report>');
    expect(mutation?.ok).toBe(true);
  });

  it('needs two admins for user.delete under the demo policy', async () => {
    await api.post('/api/send', {
      as: SAM,
      channel: OPS,
      text: '/authgear delete frank.ocampo@example.com left',
    });
    const confirm = await api.message(
      SAM,
      OPS,
      (m) => blockText(m).includes('frank.ocampo') && buttonAt(m.blocks, 'Schedule deletion') !== undefined,
      'delete confirmation',
    );
    await api.click(SAM, confirm, 'Schedule deletion');
    const card = await api.message(
      ADA,
      'C0APPROVALS',
      (m) => blockText(m).includes('frank.ocampo') && buttonAt(m.blocks, 'Approve') !== undefined,
      'delete card',
    );
    expect(blockText(card)).toContain('Approvals: 0 of 2');
    const deletions = async () =>
      (await api.state(ADA)).operations.filter((o) => /ScheduleAccountDeletion/i.test(o.operationName));
    await api.click(ADA, card, 'Approve');
    const updated = await api.message(
      ADA,
      'C0APPROVALS',
      (m) => m.key === card.key && blockText(m).includes('Approvals: 1 of 2'),
      'one approval',
    );
    expect(await deletions()).toEqual([]);
    await api.click('U0AARON', updated, 'Approve');
    await waitFor(async () => (await deletions()).length === 1, {
      message: 'the deletion after the second approval',
    });
  });

  it('masks a one-time code in the Admin API panel while the requester alone sees it', async () => {
    await api.post('/api/send', { as: ADA, channel: OPS, text: '/authgear otp bob@example.com' });
    const confirm = await api.message(
      ADA,
      OPS,
      (m) => buttonAt(m.blocks, 'Generate code') !== undefined,
      'the OTP confirmation',
    );
    await api.click(ADA, confirm, 'Generate code');
    const op = await waitFor(
      async () =>
        (await api.state(ADA)).operations.find((o) =>
          JSON.stringify(o.answer).includes('generateOOBOTPCode'),
        ),
      { message: 'the OTP mutation' },
    );
    expect(JSON.stringify(op.answer)).toContain(MASK);
    expect(op.actor).toBe(ADA);
  });

  it('answers help in the command’s ack, shows Otto’s refusal only to him, and keeps seeded data', async () => {
    await api.post('/api/send', { as: VIC, channel: OPS, text: '/authgear help' });
    await api.message(
      VIC,
      OPS,
      (m) => m.visibleTo === VIC && /user/.test(blockText(m)) && !m.isCommand,
      'help for Vic',
    );
    await api.post('/api/send', { as: 'U0OTTO', channel: OPS, text: '/authgear user carol' });
    const refusal = await api.message(
      'U0OTTO',
      OPS,
      (m) => m.visibleTo === 'U0OTTO' && !m.isCommand && m.author !== 'U0OTTO',
      'Otto’s answer',
    );
    expect(blockText(refusal)).toMatch(/role|not allowed|permission/i);
    expect(DEMO_USER_IDS.carol).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('opens the App Home tab and refuses requests naming another host', async () => {
    await api.post('/api/home', { as: ADA });
    const home = await waitFor(async () => (await api.state(ADA)).home, { message: 'Ada’s Home tab' });
    expect(home.type).toBe('home');
    const forged = await new Promise<number | undefined>((resolve, reject) => {
      const url = new URL('/api/state?as=U0ADA', demo.url);
      request(url, { headers: { host: 'evil.example:3100' } }, (res) => {
        res.resume();
        resolve(res.statusCode);
      })
        .on('error', reject)
        .end();
    });
    expect(forged).toBe(403);
    expect(logs.join('\n')).not.toContain('xoxb-demo-');
  });
});

describe('the demo with REDIS_URL', () => {
  it('keeps approvals in Redis as production does, and removes its keys when it stops', async () => {
    const redis = await startPrivateRedis();
    const client = new Redis(redis.url);
    try {
      const prefix = `${redis.prefix}demo-test:`;
      const withRedis = await startDemo(
        { port: 0, host: '127.0.0.1', redisUrl: redis.url, redisPrefix: prefix, logLevel: 'silent' },
        { logTo: { write: () => undefined } },
      );
      expect(withRedis.stores).toBe('redis');
      const page = pageApi(withRedis.url);
      await page.post('/api/send', {
        as: SAM,
        channel: OPS,
        text: '/authgear disable carol left the company',
      });
      const confirm = await page.message(
        SAM,
        OPS,
        (m) => buttonAt(m.blocks, 'Disable') !== undefined,
        'confirmation',
      );
      await page.click(SAM, confirm, 'Disable');
      const card = await page.message(
        ADA,
        'C0APPROVALS',
        (m) => buttonAt(m.blocks, 'Approve') !== undefined,
        'card',
      );
      // The card goes up just before the request is stored (a request never lives without its card).
      // The request's own record (the confirmation already has a key of its own under the prefix).
      await waitFor(async () => (await client.keys(`${prefix}*approval:{*`)).length > 0, {
        message: 'the stored request',
      });
      await page.click(ADA, card, 'Approve');
      await waitFor(async () =>
        (await page.state(ADA)).operations.some((o) => o.kind === 'mutation' && o.ok),
      );
      await withRedis.stop();
      expect(await client.keys(`${prefix}*`)).toEqual([]);
    } finally {
      client.disconnect();
      await redis.stop();
    }
  });
});
