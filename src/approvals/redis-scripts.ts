/**
 * One Lua script per approval transition. Each touches exactly one key (the record hash, KEYS[1]), so it is atomic
 * and legal on Redis Cluster. Time comes in as ARGV (the store's injected clock); scripts never call TIME.
 *
 * Record hash fields: `body` (immutable JSON), `state`, `revision`, `approvals` (JSON array), optional `rejection`,
 * `result`, `card` (JSON), `cancelledAt`, `leaseUntil`, `executor`, plus script helpers `requesterId`, `required`,
 * `expiresAtMs`, `leaseUntilMs`. Replies: { outcome, reason, flag, ...HGETALL } or a short list without the record.
 */
import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';
import { ReplyError } from 'ioredis';

const prelude = `
local key = KEYS[1]
local function reply(outcome, reason, flag)
  local out = { outcome, reason or '', flag or '' }
  local flat = redis.call('HGETALL', key)
  for i = 1, #flat do out[#out + 1] = flat[i] end
  return out
end
local function num(field)
  return tonumber(redis.call('HGET', key, field) or '0') or 0
end
-- Keep the record until the latest of now / expiry / lease, plus the retention window.
local function retain(nowMs, retentionMs)
  local until_ = math.max(nowMs, num('expiresAtMs'), num('leaseUntilMs')) + retentionMs
  redis.call('PEXPIREAT', key, string.format('%d', until_))
end
local function move(state, nowMs, retentionMs)
  redis.call('HSET', key, 'state', state)
  redis.call('HINCRBY', key, 'revision', 1)
  retain(nowMs, retentionMs)
end
-- Shared opening for decisions on a pending record: returns a refusal reply, or nil to go on.
local function pendingGate(nowMs, retentionMs)
  if redis.call('EXISTS', key) == 0 then return { 'refused', 'not_found', '' } end
  local state = redis.call('HGET', key, 'state')
  if state == 'expired' then return reply('refused', 'expired') end
  if state ~= 'pending' then return reply('refused', 'closed') end
  if nowMs >= num('expiresAtMs') then
    move('expired', nowMs, retentionMs)
    return reply('refused', 'expired', 'transitioned')
  end
  return nil
end
`;

const create = `
if redis.call('EXISTS', key) == 1 then return { 'exists', '', '' } end
redis.call('HSET', key, unpack(ARGV, 2))
redis.call('PEXPIREAT', key, ARGV[1])
return reply('created')
`;

/** ARGV: nowMs, retentionMs, userId, approvalEntryJson, leaseUntilMs, leaseUntilIso, claim */
const approve = `
local nowMs, retentionMs, userId = tonumber(ARGV[1]), tonumber(ARGV[2]), ARGV[3]
local refused = pendingGate(nowMs, retentionMs)
if refused then return refused end
if redis.call('HGET', key, 'requesterId') == userId then return reply('refused', 'self_approval') end
local approvals = redis.call('HGET', key, 'approvals')
local list = cjson.decode(approvals)
for _, entry in ipairs(list) do
  if entry.userId == userId then return reply('refused', 'duplicate') end
end
if #list == 0 then approvals = '[' .. ARGV[4] .. ']'
else approvals = string.sub(approvals, 1, -2) .. ',' .. ARGV[4] .. ']' end
redis.call('HSET', key, 'approvals', approvals)
if #list + 1 >= num('required') then
  redis.call('HSET', key, 'leaseUntilMs', ARGV[5], 'leaseUntil', ARGV[6], 'executor', ARGV[7])
  move('executing', nowMs, retentionMs)
  return reply('execute')
end
redis.call('HINCRBY', key, 'revision', 1)
return reply('recorded')
`;

/** ARGV: nowMs, retentionMs, userId, rejectionJson */
const reject = `
local nowMs, retentionMs, userId = tonumber(ARGV[1]), tonumber(ARGV[2]), ARGV[3]
local refused = pendingGate(nowMs, retentionMs)
if refused then return refused end
if redis.call('HGET', key, 'requesterId') == userId then return reply('refused', 'self_approval') end
redis.call('HSET', key, 'rejection', ARGV[4])
move('rejected', nowMs, retentionMs)
return reply('rejected')
`;

/** ARGV: nowMs, retentionMs, userId, nowIso */
const cancel = `
local nowMs, retentionMs, userId = tonumber(ARGV[1]), tonumber(ARGV[2]), ARGV[3]
if redis.call('EXISTS', key) == 0 then return { 'refused', 'not_found', '' } end
if redis.call('HGET', key, 'requesterId') ~= userId then return reply('refused', 'not_requester') end
local refused = pendingGate(nowMs, retentionMs)
if refused then return refused end
redis.call('HSET', key, 'cancelledAt', ARGV[4])
move('cancelled', nowMs, retentionMs)
return reply('cancelled')
`;

/** ARGV: nowMs, retentionMs, claim, resultJson, finalState */
const complete = `
local nowMs, retentionMs = tonumber(ARGV[1]), tonumber(ARGV[2])
if redis.call('EXISTS', key) == 0 then return { 'refused', 'not_found', '' } end
if redis.call('HGET', key, 'state') ~= 'executing' then return reply('refused', 'closed') end
if redis.call('HGET', key, 'executor') ~= ARGV[3] then return reply('refused', 'not_executor') end
redis.call('HSET', key, 'result', ARGV[4])
move(ARGV[5], nowMs, retentionMs)
return reply('completed')
`;

/** ARGV: nowMs, retentionMs. Replies 'swept' (+record), 'later' + next deadline (ms), or 'gone'. */
const sweep = `
local nowMs, retentionMs = tonumber(ARGV[1]), tonumber(ARGV[2])
if redis.call('EXISTS', key) == 0 then return { 'gone', '', '' } end
local state = redis.call('HGET', key, 'state')
local deadline, next_
if state == 'pending' then deadline, next_ = num('expiresAtMs'), 'expired'
elseif state == 'executing' then deadline, next_ = num('leaseUntilMs'), 'unknown'
else return { 'gone', '', '' } end
if nowMs < deadline then return { 'later', string.format('%d', deadline), '' } end
move(next_, nowMs, retentionMs)
return reply('swept')
`;

/** ARGV: cardJson */
const setCard = `
if redis.call('EXISTS', key) == 0 then return { 'refused', 'not_found', '' } end
redis.call('HSET', key, 'card', ARGV[1])
return reply('ok')
`;

const sources = { create, approve, reject, cancel, complete, sweep, setCard } as const;
export type ScriptName = keyof typeof sources;

interface LoadedScript {
  lua: string;
  sha: string;
}

const scripts = Object.fromEntries(
  Object.entries(sources).map(([name, body]) => {
    const lua = `${prelude}\n${body}`;
    return [name, { lua, sha: createHash('sha1').update(lua).digest('hex') }];
  }),
) as Record<ScriptName, LoadedScript>;

const isNoScript = (error: unknown): boolean =>
  error instanceof ReplyError && error instanceof Error && error.message.startsWith('NOSCRIPT');

/**
 * Runs a script on one key: EVALSHA (one round trip), falling back to EVAL when Redis does not have the script
 * cached yet (first use, after a restart or failover). EVAL caches it for the next call.
 */
export const runScript = async (
  redis: Redis,
  name: ScriptName,
  key: string,
  args: ReadonlyArray<string>,
): Promise<unknown> => {
  const script = scripts[name];
  try {
    return await redis.evalsha(script.sha, 1, key, ...args);
  } catch (error) {
    if (!isNoScript(error)) throw error;
    return await redis.eval(script.lua, 1, key, ...args);
  }
};
