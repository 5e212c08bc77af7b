/**
 * The Authgear Admin API fake: `POST /_api/admin/graphql` on 127.0.0.1, JWT checked like Authgear, every document
 * validated against schema.graphql and executed against an in-memory {@link FakeStore}.
 *
 * Status codes follow authgear-server: a bad/missing JWT → 403 `text/plain` "Forbidden"; parse/validation errors
 * and resolver errors → HTTP 200 with `{ errors, data }` (graphql-go's handler always answers 200); more than
 * 5 top-level mutation fields → 400 and a body over 1 MiB → 413 (pkg/util/graphqlutil/handler.go). Each request
 * is one transaction, rolled back when the result has any error (pkg/admin/transport/handler_graphql.go).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type DocumentNode, execute, GraphQLError, parse, validate } from 'graphql';
import type { JWTPayload, ProtectedHeaderParameters } from 'jose';
import type { FakeContext } from './context.js';
import { httpErrorBody } from './errors.js';
import { makeJwtChecker } from './jwt.js';
import {
  apiErrorBody,
  formatErrors,
  MAX_BODY_BYTES,
  MAX_MUTATION_FIELDS,
  mutationFieldCount,
} from './limits.js';
import type { FakeProjectConfig } from './project.js';
import { mutationRoot, queryRoot } from './resolvers.js';
import { fakeSchema } from './schema.js';
import { FakeStore } from './store.js';

export const ADMIN_GRAPHQL_PATH = '/_api/admin/graphql';

export interface AuthgearFakeOptions {
  /** The JWT `aud` the fake accepts. */
  projectId: string;
  /** The JWT header `kid` the fake accepts. */
  keyId: string;
  /** SPKI PEM of the Admin API key (see test/support/keys.ts `makeAdminKey`). */
  publicKeyPem: string;
  /** Clock for timestamps and JWT expiry; default `() => new Date()`. */
  now?: () => Date;
  /** The project configuration, over Authgear's defaults (email login IDs only, password, no custom attributes). */
  project?: Partial<FakeProjectConfig>;
  /** Use an existing store (e.g. pre-seeded); default a new empty one sharing `now`. */
  store?: FakeStore;
}

export interface RecordedRequest {
  operationName: string | null;
  query: string;
  variables: Record<string, unknown>;
  jwt: { header: ProtectedHeaderParameters; claims: JWTPayload };
  at: Date;
  /** The JSON body the fake answered (`{ data, errors }`), set once the request was served. */
  answer?: unknown;
}

export interface RejectedRequest {
  reason: string;
  at: Date;
}

/**
 * `unexpected`: what Authgear answers for any error that is not an API error (a database failure, an unowned
 * email in updateUser...): HTTP 200, `{"message": "unexpected error"}` with no extensions (api_error.go). With
 * `operation`, it waits for (and is recorded as) a request of that operation name; other requests pass.
 */
export type FakeFailure =
  | { kind: 'http'; status: number; body?: string }
  | { kind: 'network' }
  | { kind: 'unexpected'; operation?: string };

export interface AuthgearFake {
  /** Base endpoint, e.g. `http://127.0.0.1:54321`; the bot appends `/_api/admin/graphql`. */
  url: string;
  store: FakeStore;
  /** Every authenticated request, in arrival order (including ones that failed validation). */
  requests: RecordedRequest[];
  /** Requests refused with 403, with the reason (for debugging JWT problems). */
  rejections: RejectedRequest[];
  setLatency(ms: number): void;
  /** Holds every request from now on, unanswered, until `release()` (to test what happens before an answer). */
  hold(): { release(): void; readonly waiting: () => number };
  /** The next request fails this way instead of being served (queue: one failure per call). */
  failNext(failure: FakeFailure): void;
  /** Calls `listener` with each recorded request once it is answered (the demo's Admin API panel); returns an unsubscribe. */
  onAnswered(listener: (request: RecordedRequest) => void): () => void;
  close(): Promise<void>;
}

const readBody = async (req: IncomingMessage): Promise<string> => {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks).toString('utf8');
};

const sendJson = (res: ServerResponse, status: number, body: unknown): void => {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
};

interface GraphQLRequestBody {
  query: string;
  variables: Record<string, unknown>;
  operationName: string | null;
}

const parseRequestBody = (text: string): GraphQLRequestBody | undefined => {
  try {
    const json: unknown = JSON.parse(text);
    if (typeof json !== 'object' || json === null) return undefined;
    const { query, variables, operationName } = json as Record<string, unknown>;
    if (typeof query !== 'string') return undefined;
    return {
      query,
      variables:
        typeof variables === 'object' && variables !== null ? (variables as Record<string, unknown>) : {},
      operationName: typeof operationName === 'string' ? operationName : null,
    };
  } catch {
    return undefined;
  }
};

export const startAuthgearFake = async (options: AuthgearFakeOptions): Promise<AuthgearFake> => {
  const now = options.now ?? (() => new Date());
  const store = options.store ?? new FakeStore(now);
  const checkJwt = makeJwtChecker(options, now);
  if (options.project !== undefined) store.configure(options.project);
  const requests: RecordedRequest[] = [];
  const rejections: RejectedRequest[] = [];
  const failures: FakeFailure[] = [];
  const listeners = new Set<(request: RecordedRequest) => void>();
  let latencyMs = 0;
  let held: Promise<void> | undefined;
  let waiting = 0;

  /** The HTTP status and JSON body Authgear answers a GraphQL request with. */
  const runGraphQL = async (
    body: GraphQLRequestBody,
    auditContext: Record<string, unknown> | null,
  ): Promise<{ status: number; body: unknown }> => {
    let document: DocumentNode;
    try {
      document = parse(body.query);
    } catch (e) {
      return {
        status: 200,
        body: { data: null, errors: [e instanceof GraphQLError ? e.toJSON() : { message: 'syntax error' }] },
      };
    }
    const fields = mutationFieldCount(document, body.operationName);
    if (fields > MAX_MUTATION_FIELDS) {
      const message = `too many mutation fields in one request: got ${fields}, limit is ${MAX_MUTATION_FIELDS}`;
      return { status: 400, body: apiErrorBody('BadRequest', 'BadRequest', message, 400) };
    }
    const errors = validate(fakeSchema(), document);
    if (errors.length > 0)
      return { status: 200, body: { data: null, errors: errors.map((e) => e.toJSON()) } };
    const context: FakeContext = { store, config: store.config, auditContext };
    const snapshot = store.snapshot();
    const result = await execute({
      schema: fakeSchema(),
      document,
      rootValue: undefined,
      contextValue: context,
      variableValues: body.variables,
      operationName: body.operationName,
      fieldResolver: (source, args, ctx: FakeContext, info) => {
        const root =
          info.parentType.name === 'Query'
            ? queryRoot
            : info.parentType.name === 'Mutation'
              ? mutationRoot
              : undefined;
        if (root !== undefined) {
          const resolve = root[info.fieldName];
          if (resolve === undefined) throw new Error(`fake: ${info.fieldName} is not implemented`);
          return resolve(args, ctx);
        }
        const value = (source as Record<string, unknown>)[info.fieldName];
        return typeof value === 'function' ? value(args) : value;
      },
    });
    if (result.errors !== undefined && result.errors.length > 0) store.restore(snapshot);
    return { status: 200, body: formatErrors(result) };
  };

  const UNEXPECTED = { data: null, errors: [{ message: 'unexpected error' }] };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    if (latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, latencyMs));
    if (held) {
      waiting++;
      await held;
      waiting--;
    }
    const pending = failures[0];
    const failure =
      pending?.kind === 'unexpected' && pending.operation !== undefined ? undefined : failures.shift();
    if (failure?.kind === 'network') {
      req.socket.destroy();
      return;
    }
    if (failure?.kind === 'http') {
      res.writeHead(failure.status, { 'content-type': 'application/json' });
      res.end(failure.body ?? JSON.stringify(httpErrorBody(failure.status)));
      return;
    }
    if (failure?.kind === 'unexpected') {
      sendJson(res, 200, UNEXPECTED);
      return;
    }
    if (req.method !== 'POST' || req.url?.split('?')[0] !== ADMIN_GRAPHQL_PATH) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('404 page not found\n');
      return;
    }
    const text = await readBody(req);
    const jwt = await checkJwt(req.headers.authorization);
    if (!jwt.ok) {
      rejections.push({ reason: jwt.reason, at: now() });
      res.writeHead(403, {
        'content-type': 'text/plain; charset=utf-8',
        'x-content-type-options': 'nosniff',
      });
      res.end('Forbidden\n');
      return;
    }
    if (Buffer.byteLength(text) > MAX_BODY_BYTES) {
      sendJson(
        res,
        413,
        apiErrorBody('RequestEntityTooLarge', 'RequestEntityTooLarge', 'http: request body too large', 413),
      );
      return;
    }
    const body = parseRequestBody(text);
    if (body === undefined) {
      sendJson(res, 400, apiErrorBody('BadRequest', 'InvalidJSON', 'invalid request body', 400));
      return;
    }
    const recorded: RecordedRequest = { ...body, jwt: { header: jwt.header, claims: jwt.claims }, at: now() };
    requests.push(recorded);
    const next = failures[0];
    let answer: { status: number; body: unknown };
    if (next?.kind === 'unexpected' && next.operation === body.operationName) {
      failures.shift();
      answer = { status: 200, body: UNEXPECTED };
    } else {
      const claim = jwt.claims.audit_context;
      const auditContext =
        typeof claim === 'object' && claim !== null && !Array.isArray(claim)
          ? (claim as Record<string, unknown>)
          : null;
      answer = await runGraphQL(body, auditContext);
    }
    recorded.answer = JSON.parse(JSON.stringify(answer.body));
    for (const listener of listeners) listener(recorded);
    sendJson(res, answer.status, answer.body);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      if (!res.headersSent)
        sendJson(res, 500, {
          error: { name: 'InternalError', reason: 'UnexpectedError', message: String(e), code: 500 },
        });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    store,
    requests,
    rejections,
    setLatency: (ms) => {
      latencyMs = ms;
    },
    hold: () => {
      let release = () => {};
      held = new Promise<void>((resolve) => {
        release = () => {
          held = undefined;
          resolve();
        };
      });
      return { release: () => release(), waiting: () => waiting };
    },
    failNext: (f) => {
      failures.push(f);
    },
    onAnswered: (listener) => {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
};
