import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { type SlackFake, startSlackFake } from '../fakes/slack/index.js';
import { waitFor } from '../support/wait.js';

type Frame = Record<string, unknown>;

const open = async (slack: SlackFake, token: string): Promise<Frame> => {
  const res = await fetch(`${slack.apiUrl}apps.connections.open`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
  });
  return (await res.json()) as Frame;
};

/** A raw WebSocket client that records frames and acks envelopes unless told not to. */
const connect = async (url: string, { ack = true } = {}) => {
  const frames: Frame[] = [];
  const ws = new WebSocket(url);
  ws.on('message', (data) => {
    const frame = JSON.parse(String(data)) as Frame;
    frames.push(frame);
    if (ack && typeof frame.envelope_id === 'string') {
      ws.send(JSON.stringify({ envelope_id: frame.envelope_id, payload: { text: 'got it' } }));
    }
  });
  await waitFor(() => frames.some((f) => f.type === 'hello'));
  return { ws, frames };
};

describe('Slack fake: Socket Mode', () => {
  let slack: SlackFake;
  beforeAll(async () => {
    slack = await startSlackFake();
  });
  afterAll(async () => slack.close());

  it('refuses apps.connections.open with a bot token, as Slack does', async () => {
    slack.expectRefusal({ method: 'apps.connections.open', error: 'not_allowed_token_type' });
    expect(await open(slack, 'xoxb-bot')).toEqual({ ok: false, error: 'not_allowed_token_type' });
  });

  it('says hello with the app ID, and a ticket works only once', async () => {
    const { url } = await open(slack, 'xapp-1');
    const { ws, frames } = await connect(String(url));
    expect(frames[0]).toMatchObject({
      type: 'hello',
      num_connections: 1,
      connection_info: { app_id: 'A0AUTHGEAR' },
    });
    const again = new WebSocket(String(url));
    const error = await new Promise<string>((resolve) => again.on('error', (e) => resolve(e.message)));
    expect(error).toContain('401');
    ws.close();
    await waitFor(() => slack.socketMode.openConnections() === 0);
  });

  it('marks which envelopes accept a response payload and returns the ack payload', async () => {
    const { ws, frames } = await connect(String((await open(slack, 'xapp-1')).url));
    const command = await slack.socketMode.deliver('slash_commands', { command: '/authgear', text: 'help' });
    await slack.socketMode.deliver('interactive', { type: 'block_actions', actions: [] });
    await slack.socketMode.deliver('interactive', { type: 'view_submission', view: {} });
    expect(command).toMatchObject({ acked: true, payload: { text: 'got it' } });
    const envelopes = frames.filter((f) => typeof f.envelope_id === 'string');
    expect(envelopes.map((f) => [f.type, f.accepts_response_payload])).toEqual([
      ['slash_commands', true],
      ['interactive', false],
      ['interactive', true],
    ]);
    ws.close();
    await waitFor(() => slack.socketMode.openConnections() === 0);
  });

  it('retries an unacked event on another connection, and loses an unacked command', async () => {
    const silent = await connect(String((await open(slack, 'xapp-1')).url), { ack: false });
    const acking = await connect(String((await open(slack, 'xapp-1')).url));
    const outcomes = [];
    for (let i = 0; i < 2; i++) {
      outcomes.push(
        await slack.socketMode.deliver(
          'events_api',
          { event: { type: 'app_home_opened' } },
          { ackTimeoutMs: 100 },
        ),
      );
    }
    expect(outcomes.every((o) => o.acked)).toBe(true);
    const retried = outcomes.find((o) => o.attempts.length === 2);
    expect(retried?.attempts.map((a) => a.retryAttempt)).toEqual([0, 1]);
    const retryFrame = acking.frames.find((f) => f.retry_attempt === 1);
    expect(retryFrame).toMatchObject({
      type: 'events_api',
      retry_reason: 'timeout',
      accepts_response_payload: false,
    });
    const lost = await Promise.all(
      [1, 2].map(() => slack.socketMode.deliver('slash_commands', { text: 'x' }, { ackTimeoutMs: 100 })),
    );
    expect(lost.filter((l) => !l.acked)).toHaveLength(1);
    slack.socketMode.requestReconnect('warning');
    await waitFor(() => silent.frames.some((f) => f.type === 'disconnect' && f.reason === 'warning'));
    expect(slack.socketMode.openConnections()).toBe(0);
    silent.ws.close();
    acking.ws.close();
  });
});
