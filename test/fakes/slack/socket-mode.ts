/**
 * Socket Mode on the Slack fake, speaking the protocol as Slack does (Slack's "Socket Mode implementation" guide;
 * the frames below match @slack/socket-mode's own tests and SocketModeClient):
 *
 * - `apps.connections.open` needs an app-level token (`xapp-…`; a bot token answers `not_allowed_token_type`)
 *   and answers `{ ok, url }` with a single-use ticket. Here the URL is `ws://127.0.0.1:PORT/link/?ticket=…`.
 * - On connect the server sends `{ type: 'hello', num_connections, debug_info, connection_info: { app_id } }`.
 *   At most 10 connections per app: another one gets `{ type: 'disconnect', reason: 'too_many_websockets' }`.
 * - Each request is one envelope `{ envelope_id, type, payload, accepts_response_payload }` sent to ONE open
 *   connection: `slash_commands` (accepts a response payload), `interactive` (block_actions and shortcuts do
 *   not; view_submission and block_suggestion do), `events_api` (does not; carries `retry_attempt`,
 *   `retry_reason`). The app acks with `{ envelope_id, payload? }` within 3 seconds. An unacked event is retried on
 *   another connection (retry_reason `timeout`, at most 3 retries); an unacked command or click is lost (the person
 *   sees a timeout error).
 * - `{ type: 'disconnect', reason: 'warning' | 'refresh_requested' }` asks the app to reconnect; no new envelope
 *   goes to that connection afterwards.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { type WebSocket, WebSocketServer } from 'ws';
import type { Json } from './recorder.js';

export type EnvelopeType = 'slash_commands' | 'interactive' | 'events_api';

const MAX_CONNECTIONS = 10;
const ACK_TIMEOUT_MS = 3000;
const MAX_EVENT_RETRIES = 3;

/** Interactive payload types whose ack may carry a response (`response_action`, options). */
const INTERACTIVE_WITH_RESPONSE = new Set(['view_submission', 'block_suggestion']);

export interface RecordedEnvelope {
  readonly envelopeId: string;
  readonly type: EnvelopeType;
  readonly payload: Json;
  /** Which connection got it (1-based, in connect order). */
  readonly connection: number;
  readonly retryAttempt: number;
  /** The ack's `payload` (`{}` for a bare ack); undefined while unacked or when it timed out. */
  ack?: Json;
  ackedAt?: number;
}

export interface DeliveryResult {
  /** Whether some connection acked in time. */
  readonly acked: boolean;
  /** The ack's payload (a slash command's reply, a view_submission's `response_action`, …). */
  readonly payload: Json | undefined;
  /** Every attempt, in order (events may be retried on another connection). */
  readonly attempts: readonly RecordedEnvelope[];
  readonly elapsedMs: number;
}

export interface SocketModeFake {
  /** The `apps.connections.open` answer for this token. */
  open(token: string): Json;
  /** Takes WebSocket upgrades on `/link/`; wired by the fake's HTTP server. */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void;
  /** Connections that said hello and may receive envelopes. */
  openConnections(): number;
  /** Resolves once `n` connections are open. */
  waitForConnections(n: number, timeoutMs?: number): Promise<void>;
  /** Sends one envelope to one connection (round robin) and waits for its ack. */
  deliver(type: EnvelopeType, payload: Json, options?: { ackTimeoutMs?: number }): Promise<DeliveryResult>;
  /** Sends `{ type: 'disconnect', reason }` to every open connection (Slack refreshing its sockets). */
  requestReconnect(reason?: 'warning' | 'refresh_requested'): void;
  /** Every envelope sent, in order. */
  readonly envelopes: RecordedEnvelope[];
  /** Tickets handed out by apps.connections.open. */
  readonly opened: number;
  close(): Promise<void>;
}

interface Connection {
  readonly id: number;
  readonly ws: WebSocket;
  /** False after a disconnect request: Slack sends nothing more there. */
  eligible: boolean;
  readonly pending: Map<string, (payload: Json) => void>;
}

export const createSocketModeFake = (options: { appId: string; baseUrl: () => string }): SocketModeFake => {
  const wss = new WebSocketServer({ noServer: true });
  const tickets = new Set<string>();
  const connections: Connection[] = [];
  const envelopes: RecordedEnvelope[] = [];
  let opened = 0;
  let nextConnection = 0;
  let roundRobin = 0;
  const waiters: Array<() => void> = [];

  const live = (): Connection[] => connections.filter((c) => c.eligible && c.ws.readyState === c.ws.OPEN);
  const notify = (): void => {
    for (const w of waiters.splice(0)) w();
  };

  const accept = (ws: WebSocket): void => {
    const connection: Connection = { id: ++nextConnection, ws, eligible: true, pending: new Map() };
    if (live().length >= MAX_CONNECTIONS) {
      ws.send(JSON.stringify({ type: 'disconnect', reason: 'too_many_websockets' }));
      ws.close(1000);
      return;
    }
    connections.push(connection);
    ws.on('message', (data) => {
      let frame: unknown;
      try {
        frame = JSON.parse(String(data));
      } catch {
        return; // Slack ignores what it cannot parse
      }
      if (typeof frame !== 'object' || frame === null) return;
      const { envelope_id: id, payload } = frame as { envelope_id?: unknown; payload?: unknown };
      if (typeof id !== 'string') return;
      const resolve = connection.pending.get(id);
      connection.pending.delete(id);
      resolve?.(typeof payload === 'object' && payload !== null ? (payload as Json) : {});
    });
    ws.on('close', () => {
      connection.eligible = false;
      notify();
    });
    ws.send(
      JSON.stringify({
        type: 'hello',
        num_connections: live().length,
        debug_info: { host: 'applink-fake', build_number: 1, approximate_connection_time: 18060 },
        connection_info: { app_id: options.appId },
      }),
    );
    notify();
  };

  const pick = (exclude: Set<number>): Connection | undefined => {
    const candidates = live().filter((c) => !exclude.has(c.id));
    if (candidates.length === 0) return undefined;
    roundRobin = (roundRobin + 1) % candidates.length;
    return candidates[roundRobin];
  };

  const acceptsResponse = (type: EnvelopeType, payload: Json): boolean =>
    type === 'slash_commands' ||
    (type === 'interactive' &&
      typeof payload.type === 'string' &&
      INTERACTIVE_WITH_RESPONSE.has(payload.type));

  const sendOnce = (
    connection: Connection,
    type: EnvelopeType,
    payload: Json,
    retryAttempt: number,
    ackTimeoutMs: number,
  ): Promise<RecordedEnvelope> => {
    const record: RecordedEnvelope = {
      envelopeId: randomUUID(),
      type,
      payload,
      connection: connection.id,
      retryAttempt,
    };
    envelopes.push(record);
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        connection.pending.delete(record.envelopeId);
        resolve(record);
      }, ackTimeoutMs);
      connection.pending.set(record.envelopeId, (ack) => {
        clearTimeout(timer);
        record.ack = ack;
        record.ackedAt = Date.now();
        resolve(record);
      });
      connection.ws.send(
        JSON.stringify({
          envelope_id: record.envelopeId,
          payload,
          type,
          accepts_response_payload: acceptsResponse(type, payload),
          ...(type === 'events_api'
            ? { retry_attempt: retryAttempt, retry_reason: retryAttempt === 0 ? '' : 'timeout' }
            : {}),
        }),
      );
    });
  };

  return {
    open(token) {
      if (!token.startsWith('xapp-')) return { ok: false, error: 'not_allowed_token_type' };
      const ticket = randomBytes(16).toString('hex');
      tickets.add(ticket);
      opened += 1;
      const base = options.baseUrl().replace(/^http/, 'ws');
      return { ok: true, url: `${base}/link/?ticket=${ticket}&app_id=${options.appId}` };
    },
    handleUpgrade(req, socket, head) {
      const url = URL.parse(req.url ?? '/', 'http://127.0.0.1');
      const ticket = url?.searchParams.get('ticket') ?? '';
      if (url?.pathname !== '/link/' || !tickets.delete(ticket)) {
        socket.end('HTTP/1.1 401 Unauthorized\r\n\r\n'); // unknown or reused ticket
        return;
      }
      wss.handleUpgrade(req, socket, head, accept);
    },
    openConnections: () => live().length,
    async waitForConnections(n, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      while (live().length < n) {
        if (Date.now() > deadline)
          throw new Error(`expected ${n} Socket Mode connections, have ${live().length}`);
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          setTimeout(resolve, 50);
        });
      }
    },
    async deliver(type, payload, { ackTimeoutMs = ACK_TIMEOUT_MS } = {}) {
      const started = performance.now();
      const attempts: RecordedEnvelope[] = [];
      const tried = new Set<number>();
      const maxAttempts = type === 'events_api' ? MAX_EVENT_RETRIES + 1 : 1;
      for (let attempt = 0; attempt < maxAttempts; attempt++) {
        const connection = pick(tried) ?? pick(new Set());
        if (!connection) break;
        tried.add(connection.id);
        const record = await sendOnce(connection, type, payload, attempt, ackTimeoutMs);
        attempts.push(record);
        if (record.ack)
          return { acked: true, payload: record.ack, attempts, elapsedMs: performance.now() - started };
      }
      return { acked: false, payload: undefined, attempts, elapsedMs: performance.now() - started };
    },
    requestReconnect(reason = 'refresh_requested') {
      for (const c of live()) {
        c.eligible = false;
        c.ws.send(JSON.stringify({ type: 'disconnect', reason, debug_info: { host: 'applink-fake' } }));
      }
    },
    envelopes,
    get opened() {
      return opened;
    },
    async close() {
      for (const c of connections) c.ws.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
};
