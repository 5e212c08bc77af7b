/**
 * The real app in Socket Mode (SLACK_APP_TOKEN set) against the Slack fake's Socket Mode: apps.connections.open,
 * hello, envelopes acked on the WebSocket, disconnect and reconnect, and the health server on HEALTH_PORT. Two bots
 * on two connections act as one: Slack hands each envelope to one connection, so each request is handled once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../../src/app.js';
import { createMemoryApprovalStore } from '../../../src/approvals/memory-store.js';
import type { AuditEvent } from '../../../src/audit/event.js';
import { parsePolicyText } from '../../../src/config/policy.js';
import { createMemoryConfirmationStore } from '../../../src/confirmations/memory-store.js';
import { createLogger } from '../../../src/logger.js';
import { createMemorySecretStore } from '../../../src/secrets/memory-store.js';
import { type Fakes, PEOPLE, startFakes } from '../../support/app.js';
import { createSocketModeDriver, type SocketModeDriver } from '../../support/socket-mode-driver.js';
import { waitFor } from '../../support/wait.js';
import { ADMIN3, approvalPolicy, type Cluster, type ClusterInstance } from '../approvals/cluster.js';
import { click, disableMutations, lastCardText, request } from '../approvals/flow.js';

const APP_TOKEN = 'xapp-1-A0AUTHGEAR-1-socket';

let fakes: Fakes;
let driver: SocketModeDriver;
const bots: Array<ClusterInstance & { healthPort: number }> = [];
const audit: AuditEvent[] = [];
const store = createMemoryApprovalStore();
const confirmations = createMemoryConfirmationStore();
const secrets = createMemorySecretStore();

const startBot = async () => {
  const logs: string[] = [];
  const built = createApp({
    config: fakes.config,
    policy: parsePolicyText(approvalPolicy(1)),
    logger: createLogger({ level: 'debug', destination: { write: (l) => void logs.push(l) } }),
    approvals: { store },
    confirmations,
    secrets,
    audit: { record: async (e) => void audit.push(e) },
  });
  const healthPort = (await built.start(0)) ?? 0;
  if (!built.approvals) throw new Error('no approval service');
  const bot = { built, approvals: built.approvals, driver, logs, healthPort };
  bots.push(bot);
  return bot;
};

/** The approval helpers' view of these bots: every "instance" is driven through Slack's Socket Mode. */
const asCluster = (): Cluster => ({
  slack: fakes.slack,
  authgear: fakes.authgear,
  instances: bots,
  audit,
  addInstance: startBot,
  stopInstance: async (i) => {
    await bots[i]?.built.stop();
  },
  advance: () => undefined,
  stop: async () => undefined,
});

const health = async (path: string, bot = bots[0]) => {
  const res = await fetch(`http://127.0.0.1:${bot?.healthPort}${path}`);
  return { status: res.status, text: await res.text() };
};

beforeAll(async () => {
  fakes = await startFakes({
    env: { SLACK_APP_TOKEN: APP_TOKEN },
    extraPeople: [{ id: ADMIN3, name: 'linus', email: 'linus@ops.example.com' }],
  });
  driver = createSocketModeDriver(fakes.slack);
  await startBot();
  await fakes.slack.socketMode.waitForConnections(1);
});
afterAll(async () => {
  for (const b of bots) await b.built.stop();
  await fakes.close();
});

describe('one bot over Socket Mode', () => {
  it('opens its connection with the app-level token and answers health, readiness and metrics on HEALTH_PORT', async () => {
    const open = fakes.slack.callsTo('apps.connections.open');
    expect(open[0]?.token).toBe(APP_TOKEN);
    expect(open[0]?.ok).toBe(true);
    expect(await health('/healthz')).toMatchObject({ status: 200 });
    const ready = await health('/readyz');
    expect(ready.status).toBe(200);
    expect(JSON.parse(ready.text).checks).toEqual({ slack: { ok: true }, authgear: { ok: true } });
    expect((await health('/metrics')).text).toContain('authgear_slack_ack_seconds');
    expect((await health('/slack/events')).status).toBe(404);
  });

  it('answers /authgear help in the ack payload itself', async () => {
    const res = await driver.slashCommand({ userId: PEOPLE.viewer, text: 'help' });
    expect(res.status).toBe(200);
    expect(res.body).toContain('Authgear commands you can use');
    expect(fakes.slack.socketMode.envelopes.at(-1)).toMatchObject({ type: 'slash_commands' });
  });

  it('runs a lookup: acks the envelope, then answers through the response URL', async () => {
    fakes.authgear.store.addUser({ email: 'socket-lookup@example.com', name: 'Socket Lookup' });
    const res = await driver.slashCommand({ userId: PEOPLE.viewer, text: 'user socket-lookup@example.com' });
    expect(res.status).toBe(200);
    const answer = await waitFor(() => fakes.slack.responsesTo(res.responseUrlId ?? '')[0]?.body);
    expect(JSON.stringify(answer)).toContain('socket-lookup@example.com');
    const metrics = (await health('/metrics')).text;
    expect(metrics).toMatch(/authgear_slack_ack_seconds_count\{kind="command"\} [1-9]/);
  });

  it('publishes the App Home for an app_home_opened event and acks it once', async () => {
    const before = fakes.slack.callsTo('views.publish').length;
    const delivery = await driver.event({
      type: 'app_home_opened',
      user: PEOPLE.admin,
      channel: 'D0HOME',
      tab: 'home',
    });
    expect(delivery.acked).toBe(true);
    expect(delivery.attempts).toHaveLength(1);
    await waitFor(() => fakes.slack.callsTo('views.publish').length > before);
    expect(
      fakes.slack
        .callsTo('views.publish')
        .slice(before)
        .map((c) => c.args.user_id),
    ).toEqual([PEOPLE.admin]);
  });
});

describe('two bots on two Socket Mode connections', () => {
  beforeAll(async () => {
    await startBot();
    await fakes.slack.socketMode.waitForConnections(2);
  });

  it('handle each request once, spread over both connections', async () => {
    const emails = Array.from({ length: 8 }, (_, i) => `socket-pair${i}@example.com`);
    for (const email of emails) fakes.authgear.store.addUser({ email });
    const from = fakes.slack.socketMode.envelopes.length;
    const results = await Promise.all(
      emails.map((email) => driver.slashCommand({ userId: PEOPLE.viewer, text: `user ${email}` })),
    );
    expect(results.every((r) => r.status === 200)).toBe(true);
    const sent = fakes.slack.socketMode.envelopes.slice(from);
    expect(sent).toHaveLength(8);
    expect(new Set(sent.map((e) => e.connection)).size).toBe(2);
    for (const [i, r] of results.entries()) {
      const answers = await waitFor(() => {
        const got = fakes.slack.responsesTo(r.responseUrlId ?? '');
        return got.length > 0 && got;
      });
      expect(answers).toHaveLength(1);
      expect(JSON.stringify(answers[0]?.body)).toContain(emails[i]);
    }
  });

  it('run an approval asked on one connection and approved by concurrent clicks once', async () => {
    const c = asCluster();
    const { id } = await request(c, 'socket-approval@example.com');
    expect(disableMutations(c)).toHaveLength(0);
    await Promise.all(
      [PEOPLE.admin, PEOPLE.admin2, ADMIN3, PEOPLE.admin].map((who) => click(c, who, 'approval_approve', id)),
    );
    await waitFor(() => lastCardText(c).includes('done'), { timeoutMs: 10_000 });
    await waitFor(() => audit.some((e) => e.approvalId === id && e.type === 'executed'));
    expect(disableMutations(c)).toHaveLength(1);
    expect(audit.filter((e) => e.approvalId === id && e.type === 'executed')).toHaveLength(1);
  });

  it('reconnect after Slack asks them to, and keep serving', async () => {
    const opened = fakes.slack.socketMode.opened;
    fakes.slack.socketMode.requestReconnect('refresh_requested');
    expect(fakes.slack.socketMode.openConnections()).toBe(0);
    await fakes.slack.socketMode.waitForConnections(2, 20_000);
    expect(fakes.slack.socketMode.opened).toBe(opened + 2);
    const res = await driver.slashCommand({ userId: PEOPLE.viewer, text: 'help' });
    expect(res.status).toBe(200);
    expect(res.body).toContain('Authgear commands you can use');
  }, 30_000);
});
