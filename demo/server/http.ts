/**
 * The demo's one address: the page, its live updates (Server-Sent Events) and the page's actions (JSON POSTs).
 * Only requests naming this server's own host are served, so another site cannot drive it through the browser.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { z } from 'zod';
import { isLoopback } from '../config.js';
import { DemoRequestError, type Interactions } from '../interactions.js';
import type { PersonSnapshot } from '../workspace/types.js';
import { staticFile } from './static.js';

const personId = z.string().regex(/^[UW][A-Z0-9]{1,20}$/);
/** One page load (made up by the page, kept in its memory only): a reload is a new one. */
const pageSession = z.string().regex(/^[A-Za-z0-9-]{8,64}$/);
/** Page loads remembered for their horizon; the oldest are forgotten beyond this. */
const MAX_PAGE_SESSIONS = 500;
const elementInput = z
  .object({
    value: z.string().max(5000).nullable().optional(),
    selected: z.array(z.string().max(2000)).max(100).optional(),
    dateTime: z.number().int().nullable().optional(),
    date: z.string().max(10).nullable().optional(),
  })
  .strict();
const viewInputs = z.record(z.string().max(255), z.record(z.string().max(255), elementInput));

const requests = {
  send: z.object({ as: personId, channel: z.string().max(30), text: z.string().min(1).max(4000) }),
  click: z.object({
    as: personId,
    target: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('message'), key: z.string().max(200) }),
      z.object({ kind: z.literal('modal'), viewId: z.string().max(40) }),
      z.object({ kind: z.literal('home') }),
    ]),
    blockIndex: z.number().int().min(0).max(100),
    elementIndex: z.number().int().min(0).max(25),
    input: elementInput.optional(),
    values: viewInputs.optional(),
  }),
  submit: z.object({ as: personId, viewId: z.string().max(40), values: viewInputs }),
  close: z.object({ as: personId, viewId: z.string().max(40) }),
  home: z.object({ as: personId }),
};

export interface WebServerOptions {
  readonly host: string;
  readonly port: number;
  readonly interactions: Interactions;
  /** One person's view; with a horizon, without the ephemerals that arrived before the page loaded. */
  readonly snapshot: (personId: string, horizon?: number) => PersonSnapshot;
  /** The horizon of a page loaded now (workspace.horizon). */
  readonly horizon: () => number;
  /** Subscribes to changes; the server pushes fresh snapshots to open pages. */
  readonly onChange: (listener: () => void) => () => void;
  /** Called with a problem the page cannot show (logged by the caller). */
  readonly onError: (error: unknown) => void;
}

export interface WebServer {
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}

const MAX_BODY = 64 * 1024;

const readJson = async (req: IncomingMessage): Promise<unknown> => {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buffer.length;
    if (size > MAX_BODY) throw new DemoRequestError('That request is too large.');
    chunks.push(buffer);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new DemoRequestError('The request body is not JSON.');
  }
};

const sendJson = (res: ServerResponse, status: number, body: unknown): void => {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
};

export const startWebServer = async (options: WebServerOptions): Promise<WebServer> => {
  const { interactions: act } = options;
  const streams = new Set<{ res: ServerResponse; as: string; horizon: number | undefined; sent: number }>();
  /**
   * Slack keeps no ephemeral message: a page load sees those arriving after it, not earlier ones. The page names
   * its load (`session`); an EventSource reconnecting, or switching whom the page acts as, keeps it; a reload
   * makes a new one.
   */
  const horizons = new Map<string, number>();
  const horizonOf = (session: string): number => {
    const known = horizons.get(session);
    if (known !== undefined) return known;
    const horizon = options.horizon();
    horizons.set(session, horizon);
    if (horizons.size > MAX_PAGE_SESSIONS) horizons.delete(horizons.keys().next().value ?? session);
    return horizon;
  };
  let version = 0;
  let pending: NodeJS.Timeout | undefined;
  const push = () => {
    pending = undefined;
    for (const s of streams) {
      if (s.sent === version) continue;
      s.sent = version;
      s.res.write(`data: ${JSON.stringify(options.snapshot(s.as, s.horizon))}\n\n`);
    }
  };
  const unsubscribe = options.onChange(() => {
    version += 1;
    pending ??= setTimeout(push, 25);
  });
  const heartbeat = setInterval(() => {
    for (const s of streams) s.res.write(': keep-alive\n\n');
  }, 15_000);

  const api: Record<string, (body: unknown) => Promise<void>> = {
    '/api/send': async (b) => {
      const r = requests.send.parse(b);
      await act.send(r.as, r.channel, r.text);
    },
    '/api/click': async (b) => {
      const r = requests.click.parse(b);
      await act.click(r.as, r.target, r, r.input, r.values);
    },
    '/api/submit': async (b) => {
      const r = requests.submit.parse(b);
      await act.submit(r.as, r.viewId, r.values);
    },
    '/api/close': async (b) => {
      const r = requests.close.parse(b);
      await act.close(r.as, r.viewId);
    },
    '/api/home': async (b) => act.openHome(requests.home.parse(b).as),
  };

  let allowedHosts: Set<string> = new Set();
  /** On a loopback address only its own names are served (no DNS rebinding); elsewhere, any. */
  const hostAllowed = (host: string | undefined) => !isLoopback(options.host) || allowedHosts.has(host ?? '');
  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    if (!hostAllowed(req.headers.host)) {
      sendJson(res, 403, { error: 'This demo answers only requests to its own address.' });
      return;
    }
    const url = new URL(req.url ?? '/', 'http://demo.invalid');
    if (req.method === 'GET' && url.pathname === '/api/events') {
      const as = personId.safeParse(url.searchParams.get('as'));
      if (!as.success) return sendJson(res, 400, { error: 'Say who you are acting as (?as=U…).' });
      res.writeHead(200, {
        'content-type': 'text/event-stream',
        'cache-control': 'no-store',
        connection: 'keep-alive',
      });
      const session = pageSession.safeParse(url.searchParams.get('session'));
      const horizon = session.success ? horizonOf(session.data) : undefined;
      const stream = { res, as: as.data, horizon, sent: version };
      streams.add(stream);
      res.write(`data: ${JSON.stringify(options.snapshot(as.data, horizon))}\n\n`);
      req.on('close', () => streams.delete(stream));
      return;
    }
    if (req.method === 'GET' && url.pathname === '/api/state') {
      const as = personId.safeParse(url.searchParams.get('as'));
      if (!as.success) return sendJson(res, 400, { error: 'Say who you are acting as (?as=U…).' });
      return sendJson(res, 200, options.snapshot(as.data));
    }
    const route = api[url.pathname];
    if (req.method === 'POST' && route) {
      if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
        return sendJson(res, 415, { error: 'Send JSON.' });
      }
      try {
        await route(await readJson(req));
        return sendJson(res, 200, { ok: true });
      } catch (e) {
        if (e instanceof DemoRequestError) return sendJson(res, 400, { ok: false, error: e.message });
        if (e instanceof z.ZodError) return sendJson(res, 400, { ok: false, error: z.prettifyError(e) });
        options.onError(e);
        return sendJson(res, 500, { ok: false, error: 'The demo could not do that; see the terminal.' });
      }
    }
    if (url.pathname === '/favicon.ico') {
      res.writeHead(204).end();
      return;
    }
    const file = req.method === 'GET' ? await staticFile(url.pathname) : undefined;
    if (!file) return sendJson(res, 404, { error: 'Not found' });
    res.writeHead(200, { 'content-type': file.type, 'cache-control': 'no-store' });
    res.end(file.body);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      options.onError(e);
      if (!res.headersSent) sendJson(res, 500, { error: 'internal error' });
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  allowedHosts = new Set([
    `${options.host}:${port}`,
    `localhost:${port}`,
    `127.0.0.1:${port}`,
    `[::1]:${port}`,
  ]);
  const shown = options.host.includes(':') ? `[${options.host}]` : options.host;
  return {
    url: `http://${shown}:${port}/`,
    port,
    close: async () => {
      unsubscribe();
      clearInterval(heartbeat);
      if (pending) clearTimeout(pending);
      for (const s of streams) s.res.end();
      streams.clear();
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) => server.close((e) => (e ? reject(e) : resolve())));
    },
  };
};
