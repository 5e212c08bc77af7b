/**
 * What reached Authgear: each Admin API request the bot sent, its variables and Authgear's answer, secrets masked
 * (passwords, one-time codes). The page's side panel lists these.
 */
import type { RecordedRequest } from '../test/fakes/authgear/index.js';
import { isObject, str } from './web/json.js';
import type { AdminOperation, Json } from './workspace/types.js';

export const MASK = '••••••';

/** Keys whose values are secrets the requester alone may see: never on the page, whatever the nesting. */
const SECRET_KEY = /^(password|newPassword|code|otp|secret|token|clientSecret)$/i;

/** A deep copy of an object with every secret-named string value replaced by {@link MASK}. */
export const maskObject = (o: Json): Json =>
  Object.fromEntries(
    Object.entries(o).map(([k, v]) => [
      k,
      SECRET_KEY.test(k) && typeof v === 'string' && v !== '' ? MASK : maskSecrets(v),
    ]),
  );

/** {@link maskObject} for any JSON value. */
export const maskSecrets = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map(maskSecrets);
  return isObject(value) ? maskObject(value) : value;
};

const OPERATION = /\b(query|mutation)\b\s*([A-Za-z_][A-Za-z0-9_]*)?/;

/** One panel entry from a recorded request (`seq` numbers them in arrival order). */
export const toOperation = (r: RecordedRequest, seq: number): AdminOperation => {
  const match = OPERATION.exec(r.query);
  const context = r.jwt.claims.audit_context;
  const answer = isObject(r.answer) ? r.answer : {};
  return {
    seq,
    at: r.at.toISOString(),
    operationName: r.operationName ?? match?.[2] ?? '(anonymous)',
    kind: match?.[1] === 'mutation' ? 'mutation' : 'query',
    actor: isObject(context) ? str(context.slack_user_id) : undefined,
    variables: maskObject(r.variables),
    answer: maskSecrets(answer),
    ok: !Array.isArray(answer.errors) || answer.errors.length === 0,
  };
};

export interface AdminLog {
  add(r: RecordedRequest): void;
  /** Newest first, at most `limit`. */
  latest(limit: number): AdminOperation[];
}

export const createAdminLog = (max = 300): AdminLog => {
  const entries: AdminOperation[] = [];
  let seq = 0;
  return {
    add: (r) => {
      entries.push(toOperation(r, ++seq));
      if (entries.length > max) entries.splice(0, entries.length - max);
    },
    latest: (limit) => entries.slice(-limit).reverse(),
  };
};
