/**
 * An HTTP fake of Slack's Web API and response URLs on 127.0.0.1 (see README.md in this folder).
 * Point a WebClient at `fake.apiUrl`; give the app `fake.responseUrl(id)` in driven payloads.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { MESSAGE_BLOCK_TEXT_LIMIT } from '../../support/block-kit.js';
import { type Answer, createAnswers } from './answers.js';
import { createConversations, type SeedChannel } from './conversations.js';
import { createDirectory, type SeedUser } from './directory.js';
import { createFaults, type FailNextOptions, type RateLimitOptions } from './faults.js';
import { InvalidJsonError, parseArgs, readRawBody, tokenOf } from './http-body.js';
import { createInteractions, type InteractionLimits, type MessageSource } from './interactions.js';
import { actOnSourceMessage, type FakeIdentity, type MethodContext, replaceView } from './methods.js';
import { createRecorder, type Json, type Recorder } from './recorder.js';
import { createRefusalLedger, type RefusalExpectation, registerLedger } from './refusals.js';
import { createSocketModeFake, type SocketModeFake } from './socket-mode.js';
import { viewAnswerRefusal, viewsClosedBy } from './view-answers.js';

export interface SlackFakeOptions extends Partial<FakeIdentity>, InteractionLimits {
  /** When set, only this bot token is accepted (others answer `invalid_auth`); otherwise any non-empty token. */
  token?: string;
  /** Answer 429 when more than N chat.postMessage calls reach one channel within a rolling second. */
  postMessageLimitPerSecond?: number;
  /** Cumulative block text one message may carry before `msg_blocks_too_long` (default 12,000). */
  blockTextLimit?: number;
  /**
   * Clock in ms for `at`, message timestamps, the per-channel limit and the lifetimes of response URLs and trigger
   * IDs (default Date.now); `advance(ms)` moves it on.
   */
  now?: () => number;
  users?: SeedUser[];
  usergroups?: Record<string, string[]>;
  /**
   * Conversations that exist, and whether the bot is in each (default: in it); conversations.info answers from
   * them too. Anything else is not found.
   */
  channels?: SeedChannel[];
}

export interface SlackFake extends Recorder {
  /** `http://127.0.0.1:PORT` */
  readonly url: string;
  /** `${url}/api/` (trailing slash, as WebClient's `slackApiUrl` expects). */
  readonly apiUrl: string;
  readonly identity: FakeIdentity;
  /**
   * Issues a response URL as Slack does with an interaction: `${url}/response/<id>` (a fresh id `r1`, `r2`… when
   * none is given), good for 5 posts within 30 minutes of now. With `source`, the interaction came from that stored
   * (non-ephemeral) message: `replace_original` / `delete_original` posts then replace or delete it.
   */
  responseUrl(id?: string, source?: MessageSource): string;
  /** A message Slack keeps (posted, updated, or replaced through a response_url), as it is now. */
  storedMessage(channel: string, ts: string): Json | undefined;
  /** Every message Slack keeps now, with its channel and ts. */
  storedMessages(): { channel: string; ts: string; message: Json }[];
  /**
   * The app answered a view_submission of `view` with `answer` (the parsed ack body; undefined when empty): Slack
   * refuses `errors` not keyed by input blocks (`invalid_errors`, a refusal the test must declare), and an empty
   * answer or `clear` closes the view (then views.update answers `not_found`). The request driver calls it.
   */
  viewAnswered(view: Json, answer: unknown): void;
  /** The person closed view `viewId` (the X or Cancel): views.update of it then answers `not_found`. */
  closeView(viewId: string): void;
  /** Issues a trigger_id as Slack does with an interaction: it opens one view within 3 s of now. */
  issueTriggerId(): string;
  /** The fake's clock (ms). */
  now(): number;
  /** Moves the fake's clock on by `ms` (response URLs and trigger IDs age with it). */
  advance(ms: number): void;
  /** The DM channel ID conversations.open (and chat.postMessage to a user ID) gives for `userId`. */
  dmChannelFor(userId: string): string;
  rateLimit(method: string, options?: RateLimitOptions): void;
  failNext(method: string, options: FailNextOptions): void;
  /**
   * Declares that the running test expects Slack to refuse a matching call (at least once). Any other refusal
   * fails the test (test/support/refusal-guard.ts); armed faults (`failNext`, `rateLimit`) count as declared.
   */
  expectRefusal(expectation: RefusalExpectation): void;
  /** Refusals nobody declared and declarations nothing matched since the last call, as sentences. */
  settleRefusals(): string[];
  addUser(user: SeedUser): void;
  addUsergroup(id: string, userIds: string[], handle?: string): void;
  /** Deletes a user group: usergroups.users.list then answers `no_such_subteam`. */
  removeUsergroup(id: string): void;
  addChannel(channel: SeedChannel): void;
  /** The bot is invited to (`true`) or removed from (`false`) a channel added before. */
  setBotMember(channelId: string, member: boolean): void;
  archiveChannel(channelId: string, archived?: boolean): void;
  /** How the request driver names things the way Slack does: `@alice`, `#ops`, `@support`. */
  readonly names: SlackNames;
  /** Socket Mode: apps.connections.open, the WebSocket link and envelope delivery (see socket-mode.ts). */
  readonly socketMode: SocketModeFake;
  /** Forgets calls, responses, violations, refusals and armed faults; keeps users, groups and channels. */
  clear(): void;
  close(): Promise<void>;
}

/** Slack's IDs for the names a person types (for the request driver's escaping). */
export interface SlackNames {
  userId(name: string): string | undefined;
  channelId(name: string): string | undefined;
  usergroupId(handle: string): string | undefined;
}

const DEFAULT_IDENTITY: FakeIdentity = {
  teamId: 'T0AUTHGEAR',
  teamName: 'Authgear Test Workspace',
  teamDomain: 'authgear-test',
  botUserId: 'U0AUTHBOT',
  botId: 'B0AUTHBOT',
  appId: 'A0AUTHGEAR',
};

const send = (res: ServerResponse, { status, body, headers = {} }: Answer) => {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', ...headers });
  res.end(JSON.stringify(body));
};

export const startSlackFake = async (options: SlackFakeOptions = {}): Promise<SlackFake> => {
  const {
    token: requiredToken,
    postMessageLimitPerSecond,
    blockTextLimit = MESSAGE_BLOCK_TEXT_LIMIT,
    users = [],
    usergroups = {},
    channels = [],
  } = options;
  const baseNow = options.now ?? Date.now;
  let offsetMs = 0;
  const now = () => baseNow() + offsetMs;
  const identity: FakeIdentity = {
    teamId: options.teamId ?? DEFAULT_IDENTITY.teamId,
    teamName: options.teamName ?? DEFAULT_IDENTITY.teamName,
    teamDomain: options.teamDomain ?? DEFAULT_IDENTITY.teamDomain,
    botUserId: options.botUserId ?? DEFAULT_IDENTITY.botUserId,
    botId: options.botId ?? DEFAULT_IDENTITY.botId,
    appId: options.appId ?? DEFAULT_IDENTITY.appId,
  };
  const ledger = createRefusalLedger();
  const registration = registerLedger(ledger);
  const recorder = createRecorder(ledger.refusals);
  const faults = createFaults(postMessageLimitPerSecond);
  const directory = createDirectory(identity.teamId);
  for (const user of users) directory.addUser(user);
  for (const [id, members] of Object.entries(usergroups)) directory.addUsergroup(id, members);
  const dmChannelFor = (userId: string) => `D${userId.replace(/^[UW]/, '')}`;
  const conversations = createConversations(directory, dmChannelFor, identity.botUserId);
  for (const channel of channels) conversations.add(channel);
  const interactions = createInteractions(options);
  let base = '';
  const socketMode = createSocketModeFake({ appId: identity.appId, baseUrl: () => base });

  let seq = 0;
  let responseSeq = 0;
  const ctx: MethodContext = {
    identity,
    directory,
    nextTs: () => `${Math.floor(now() / 1000)}.${String(++seq).padStart(6, '0')}`,
    nextViewId: () => `V${String(++seq).padStart(10, '0')}`,
    dmChannelFor,
    messages: new Map(),
    views: new Map(),
    closedViews: new Set(),
    channels: conversations,
  };

  const answers = createAnswers({
    requiredToken,
    faults,
    conversations,
    interactions,
    directory,
    blockTextLimit,
    ctx,
    onViolation: (v) => recorder.violations.push(v),
    openSocket: (token) => socketMode.open(token),
  });

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
    const { armed, ...answer } = answers.api(method, args, token, at);
    const ok = answer.body.ok === true;
    recorder.recordCall({ method, args, token, at, status: answer.status, response: answer.body, ok });
    if (!ok) {
      const error = typeof answer.body.error === 'string' ? answer.body.error : 'unknown';
      ledger.add({ method, error, status: answer.status, args, at, armed: armed === true });
    }
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
    const answer = answers.responseUrl(id, body, at);
    if (answer.status === 200) {
      interactions.usedResponseUrl(id);
      const source = interactions.sourceOf(id);
      if (source) actOnSourceMessage(body, source, ctx);
      recorder.recordResponse({ id, body, at });
    } else {
      const error = typeof answer.body.error === 'string' ? answer.body.error : 'unknown';
      ledger.add({
        method: 'response_url',
        error,
        status: answer.status,
        args: body,
        at,
        responseId: id,
        armed: false,
      });
    }
    return answer;
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
    responseUrl: (requested, source) => {
      const id = requested ?? `r${++responseSeq}`;
      interactions.issueResponseUrl(id, now(), source);
      return `${base}/response/${encodeURIComponent(id)}`;
    },
    issueTriggerId: () => interactions.issueTriggerId(now(), identity.teamId),
    now,
    advance: (ms) => {
      offsetMs += ms;
    },
    storedMessage: (channel, ts) =>
      ctx.messages.get(`${/^[UW][A-Z0-9]+$/.test(channel) ? dmChannelFor(channel) : channel}/${ts}`),
    storedMessages: () =>
      [...ctx.messages.entries()].map(([key, message]) => {
        const [channel = '', ts = ''] = key.split('/');
        return { channel, ts, message };
      }),
    viewAnswered: (submitted, answer) => {
      const id = typeof submitted.id === 'string' ? submitted.id : '';
      const view = ctx.views.get(id) ?? submitted;
      const refused = viewAnswerRefusal(view, answer);
      if (refused) {
        const args = { view_id: id, answer: (answer ?? null) as Json };
        ledger.add({ method: 'view_submission', error: refused, status: 200, args, at: now(), armed: false });
        return;
      }
      const closes = viewsClosedBy(answer);
      if (closes === 'view') ctx.closedViews.add(id);
      if (closes === 'stack') {
        const root = view.root_view_id ?? id;
        for (const [other, v] of ctx.views)
          if ((v.root_view_id ?? other) === root) ctx.closedViews.add(other);
        ctx.closedViews.add(id);
      }
      const next = (answer as Json | undefined)?.view;
      if ((answer as Json | undefined)?.response_action === 'update' && typeof next === 'object' && next)
        replaceView(id, next as Json, ctx);
    },
    closeView: (viewId) => {
      ctx.closedViews.add(viewId);
    },
    dmChannelFor,
    rateLimit: faults.rateLimit,
    failNext: faults.failNext,
    expectRefusal: ledger.expect,
    settleRefusals: ledger.settle,
    addUser: directory.addUser,
    addUsergroup: directory.addUsergroup,
    removeUsergroup: directory.removeUsergroup,
    addChannel: conversations.add,
    setBotMember: conversations.setBotMember,
    archiveChannel: conversations.archive,
    socketMode,
    names: {
      userId: directory.userIdByName,
      channelId: conversations.idByName,
      usergroupId: directory.usergroupIdByHandle,
    },
    clear: () => {
      recorder.clear();
      ledger.clear();
      faults.clear();
    },
    close: async () => {
      registration.markClosed();
      await socketMode.close();
      await new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      });
    },
  };
};
