/**
 * An HTTP fake of Slack's Web API and response URLs on 127.0.0.1 (see README.md in this folder).
 * Point a WebClient at `fake.apiUrl`; give the app `fake.responseUrl(id)` in driven payloads.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { checkCallBlocks, checkResponseBlocks, invalidBlocksResponse } from './block-checks.js';
import { type Channels, createChannels, type SeedChannel } from './conversations.js';
import { createDirectory, type SeedUser } from './directory.js';
import { createFaults, type FailNextOptions, type Fault, type RateLimitOptions } from './faults.js';
import { InvalidJsonError, parseArgs, readRawBody, tokenOf } from './http-body.js';
import { type FakeIdentity, type MethodContext, methodHandlers } from './methods.js';
import { createRecorder, type Json, type Recorder } from './recorder.js';
import { createSocketModeFake, type SocketModeFake } from './socket-mode.js';

export interface SlackFakeOptions extends Partial<FakeIdentity> {
  /** When set, only this bot token is accepted (others answer `invalid_auth`); otherwise any non-empty token. */
  token?: string;
  /** Answer 429 when more than N chat.postMessage calls reach one channel within a rolling second. */
  postMessageLimitPerSecond?: number;
  /** Clock in ms for `at`, message timestamps and the per-channel limit (default Date.now). */
  now?: () => number;
  users?: SeedUser[];
  usergroups?: Record<string, string[]>;
  /** Channels conversations.info knows (with members, to say whether the bot is in them). */
  channels?: SeedChannel[];
}

export interface SlackFake extends Recorder {
  /** `http://127.0.0.1:PORT` */
  readonly url: string;
  /** `${url}/api/` (trailing slash, as WebClient's `slackApiUrl` expects). */
  readonly apiUrl: string;
  readonly identity: FakeIdentity;
  /** `${url}/response/<id>`; a fresh id (`r1`, `r2`…) when none is given. */
  responseUrl(id?: string): string;
  /** The DM channel ID conversations.open (and chat.postMessage to a user ID) gives for `userId`. */
  dmChannelFor(userId: string): string;
  rateLimit(method: string, options?: RateLimitOptions): void;
  failNext(method: string, options: FailNextOptions): void;
  addUser(user: SeedUser): void;
  addUsergroup(id: string, userIds: string[]): void;
  addChannel(channel: SeedChannel): void;
  /** Socket Mode: apps.connections.open, the WebSocket link and envelope delivery (see socket-mode.ts). */
  readonly socketMode: SocketModeFake;
  /** Forgets calls, responses, violations and armed faults; keeps seeded users and groups. */
  clear(): void;
  close(): Promise<void>;
}

interface Answer {
  status: number;
  body: Json;
  headers?: Record<string, string>;
}

const DEFAULT_IDENTITY: FakeIdentity = {
  teamId: 'T0AUTHGEAR',
  teamName: 'Authgear Test Workspace',
  teamDomain: 'authgear-test',
  botUserId: 'U0AUTHBOT',
  botId: 'B0AUTHBOT',
  appId: 'A0AUTHGEAR',
};

const faultAnswer = (fault: Fault): Answer =>
  fault.kind === 'ratelimited'
    ? {
        status: 429,
        body: { ok: false, error: 'ratelimited' },
        headers: { 'Retry-After': String(fault.retryAfterSeconds) },
      }
    : { status: 200, body: { ok: false, error: fault.error } };

const send = (res: ServerResponse, { status, body, headers = {} }: Answer) => {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', ...headers });
  res.end(JSON.stringify(body));
};

export const startSlackFake = async (options: SlackFakeOptions = {}): Promise<SlackFake> => {
  const {
    token: requiredToken,
    postMessageLimitPerSecond,
    now = Date.now,
    users = [],
    usergroups = {},
  } = options;
  const identity: FakeIdentity = {
    teamId: options.teamId ?? DEFAULT_IDENTITY.teamId,
    teamName: options.teamName ?? DEFAULT_IDENTITY.teamName,
    teamDomain: options.teamDomain ?? DEFAULT_IDENTITY.teamDomain,
    botUserId: options.botUserId ?? DEFAULT_IDENTITY.botUserId,
    botId: options.botId ?? DEFAULT_IDENTITY.botId,
    appId: options.appId ?? DEFAULT_IDENTITY.appId,
  };
  const recorder = createRecorder();
  const faults = createFaults(postMessageLimitPerSecond);
  const directory = createDirectory(identity.teamId);
  for (const user of users) directory.addUser(user);
  for (const [id, members] of Object.entries(usergroups)) directory.addUsergroup(id, members);
  const channels: Channels = createChannels();
  for (const channel of options.channels ?? []) channels.add(channel);
  let base = '';
  const socketMode = createSocketModeFake({ appId: identity.appId, baseUrl: () => base });

  let seq = 0;
  let responseSeq = 0;
  const dmChannelFor = (userId: string) => `D${userId.replace(/^[UW]/, '')}`;
  const ctx: MethodContext = {
    identity,
    directory,
    nextTs: () => `${Math.floor(now() / 1000)}.${String(++seq).padStart(6, '0')}`,
    nextViewId: () => `V${String(++seq).padStart(10, '0')}`,
    dmChannelFor,
    messages: new Map(),
    views: new Map(),
    channels,
  };

  const answerApi = (method: string, args: Json, token: string, at: number): Answer => {
    if (token === '') return { status: 200, body: { ok: false, error: 'not_authed' } };
    // The app-level token (xapp-…), not the bot token, opens Socket Mode connections.
    if (method === 'apps.connections.open') return { status: 200, body: socketMode.open(token) };
    if (requiredToken !== undefined && token !== requiredToken) {
      return { status: 200, body: { ok: false, error: 'invalid_auth' } };
    }
    const fault = faults.take(method);
    if (fault) return faultAnswer(fault);
    const handler = methodHandlers[method];
    if (!handler) return { status: 200, body: { ok: false, error: 'unknown_method' } };
    const blockProblems = checkCallBlocks(method, args);
    if (blockProblems) {
      recorder.violations.push({ method, ...blockProblems, args, at });
      return { status: 200, body: invalidBlocksResponse(blockProblems.errors) };
    }
    if (method === 'chat.postMessage' && typeof args.channel === 'string') {
      const limited = faults.checkChannelRate(args.channel, at);
      if (limited) return faultAnswer(limited);
    }
    return { status: 200, body: handler(args, ctx) };
  };

  const onApi = async (req: IncomingMessage, url: URL, method: string): Promise<Answer> => {
    const raw = await readRawBody(req);
    let args: Json;
    try {
      args = parseArgs(raw, req.headers['content-type'], url.searchParams);
    } catch (error) {
      if (error instanceof InvalidJsonError)
        return { status: 200, body: { ok: false, error: 'invalid_json' } };
      throw error;
    }
    const token = tokenOf(req.headers.authorization, args);
    delete args.token;
    const at = now();
    const answer = answerApi(method, args, token, at);
    recorder.recordCall({
      method,
      args,
      token,
      at,
      status: answer.status,
      response: answer.body,
      ok: answer.body.ok === true,
    });
    return answer;
  };

  const onResponseUrl = async (req: IncomingMessage, url: URL, id: string): Promise<Answer> => {
    const raw = await readRawBody(req);
    let body: Json;
    try {
      body = parseArgs(raw, req.headers['content-type'] ?? 'application/json', url.searchParams);
    } catch {
      return { status: 400, body: { ok: false, error: 'invalid_json' } };
    }
    const at = now();
    const problems = checkResponseBlocks(body);
    if (problems)
      recorder.violations.push({ method: 'response_url', ...problems, args: body, responseId: id, at });
    recorder.recordResponse({ id, body, at, ok: problems === undefined });
    return problems
      ? { status: 400, body: invalidBlocksResponse(problems.errors) }
      : { status: 200, body: { ok: true } };
  };

  const route = async (req: IncomingMessage): Promise<Answer> => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const api = /^\/api\/([A-Za-z0-9_.]+)$/.exec(url.pathname);
    if (api?.[1] && (req.method === 'POST' || req.method === 'GET')) return onApi(req, url, api[1]);
    const response = /^\/response\/([^/]+)$/.exec(url.pathname);
    if (response?.[1] && req.method === 'POST')
      return onResponseUrl(req, url, decodeURIComponent(response[1]));
    return { status: 404, body: { ok: false, error: 'not_found' } };
  };

  const server = createServer((req, res) => {
    route(req).then(
      (answer) => send(res, answer),
      () => send(res, { status: 500, body: { ok: false, error: 'internal_error' } }),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  server.on('upgrade', socketMode.handleUpgrade);
  const { port } = server.address() as AddressInfo;
  base = `http://127.0.0.1:${port}`;

  return {
    ...recorder,
    url: base,
    apiUrl: `${base}/api/`,
    identity,
    responseUrl: (id) => `${base}/response/${encodeURIComponent(id ?? `r${++responseSeq}`)}`,
    dmChannelFor,
    rateLimit: faults.rateLimit,
    failNext: faults.failNext,
    addUser: directory.addUser,
    addUsergroup: directory.addUsergroup,
    addChannel: channels.add,
    socketMode,
    clear: () => {
      recorder.clear();
      faults.clear();
    },
    close: async () => {
      await socketMode.close();
      await new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      });
    },
  };
};
