/**
 * The record hash layout and the Lua transitions over it (sources in ./lua, read at load). Each script touches
 * exactly one key (the record hash, KEYS[1]), so it is atomic and legal on Redis Cluster. Time comes in as ARGV
 * (the store's injected clock); scripts never call TIME.
 *
 * Hash fields: `body` (immutable JSON), `state`, `revision`, `approvals` (JSON array), optional `rejection`,
 * `result`, `card` (JSON), `cancelledAt`, `leaseUntil`, `executor`, plus script helpers `requesterId`, `required`,
 * `expiresAtMs`, `leaseUntilMs`. Script replies: [outcome, reason, flag, ...HGETALL of the record (if any)].
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { ReplyError } from 'ioredis';
import { z } from 'zod';
import { AppError } from '../errors.js';
import type { RedisClient } from '../redis/client.js';
import { type ApprovalRecord, corruptRecord, parseApprovalRecord } from './record.js';

const scriptFiles = {
  create: 'create',
  approve: 'approve',
  reject: 'reject',
  cancel: 'cancel',
  complete: 'complete',
  sweep: 'sweep',
} as const;
export type ScriptName = keyof typeof scriptFiles;

const readLua = (file: string): string => readFileSync(new URL(`./lua/${file}.lua`, import.meta.url), 'utf8');
const prelude = readLua('prelude');

const scripts = new Map<ScriptName, { lua: string; sha: string }>(
  Object.entries(scriptFiles).map(([name, file]) => {
    const lua = `${prelude}\n${readLua(file)}`;
    return [name as ScriptName, { lua, sha: createHash('sha1').update(lua).digest('hex') }];
  }),
);

const isNoScript = (error: unknown): boolean =>
  error instanceof ReplyError && error instanceof Error && error.message.startsWith('NOSCRIPT');

export interface ScriptReply {
  outcome: string;
  reason: string;
  flag: string;
  record: ApprovalRecord | undefined;
}

const scriptReplySchema = z.array(z.string()).min(3);

/**
 * Runs a transition on the record of approval `id` stored at `key`: EVALSHA (one round trip), falling back to EVAL
 * when Redis does not have the script cached (first use, restart, failover); EVAL caches it for next time.
 */
export const runScript = async (
  redis: RedisClient,
  name: ScriptName,
  key: string,
  id: string,
  args: ReadonlyArray<string>,
): Promise<ScriptReply> => {
  const script = scripts.get(name);
  if (!script) throw new AppError('internal', `Unknown approvals script ${name}.`);
  let raw: unknown;
  try {
    raw = await redis.evalsha(script.sha, 1, key, ...args);
  } catch (error) {
    if (!isNoScript(error)) throw error;
    raw = await redis.eval(script.lua, 1, key, ...args);
  }
  const parsed = scriptReplySchema.safeParse(raw);
  if (!parsed.success) throw new AppError('internal', 'Unexpected reply from the approvals store.');
  const [outcome = '', reason = '', flag = '', ...flat] = parsed.data;
  return {
    outcome,
    reason,
    flag,
    record: flat.length > 0 ? decodeRecordHash(id, toFields(flat)) : undefined,
  };
};

const toFields = (flat: ReadonlyArray<string>): Record<string, string> => {
  const fields: Record<string, string> = {};
  for (let i = 0; i + 1 < flat.length; i += 2) fields[flat[i] as string] = flat[i + 1] as string;
  return fields;
};

const parseJson = (text: string | undefined, id: string): unknown => {
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text);
  } catch (error) {
    throw corruptRecord(id, error);
  }
};

/** Turns the stored hash back into a record (zod-parsed), or throws the corrupt-record error. */
export const decodeRecordHash = (id: string, fields: Record<string, string>): ApprovalRecord => {
  const body = parseJson(fields.body, id);
  if (typeof body !== 'object' || body === null) throw corruptRecord(id, new Error('missing body'));
  const optional = {
    rejection: parseJson(fields.rejection, id),
    result: parseJson(fields.result, id),
    card: parseJson(fields.card, id),
    cancelledAt: fields.cancelledAt,
    leaseUntil: fields.leaseUntil,
    executor: fields.executor,
  };
  return parseApprovalRecord(
    {
      ...body,
      ...Object.fromEntries(Object.entries(optional).filter(([, value]) => value !== undefined)),
      state: fields.state,
      revision: Number(fields.revision),
      approvals: parseJson(fields.approvals, id),
    },
    id,
  );
};

/** The hash fields (name, value, ...) of a new record: immutable parts in `body`, the rest beside it. */
export const encodeRecordHash = (record: ApprovalRecord): string[] => {
  const { state, revision, approvals, rejection, cancelledAt, leaseUntil, executor, result, card, ...body } =
    record;
  const fresh = state === 'pending' && approvals.length === 0;
  if (!fresh || rejection || cancelledAt || leaseUntil || executor || result) {
    throw new AppError('internal', 'Only a fresh pending approval can be created.', {
      details: { approvalId: record.id, state },
    });
  }
  const fields = [
    'body',
    JSON.stringify(body),
    'state',
    state,
    'revision',
    String(revision),
    'approvals',
    '[]',
  ];
  fields.push('requesterId', record.requester.userId, 'required', String(record.required));
  fields.push('expiresAtMs', String(Date.parse(record.expiresAt)));
  if (card) fields.push('card', JSON.stringify(card));
  return fields;
};
