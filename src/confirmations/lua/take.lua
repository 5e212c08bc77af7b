-- KEYS[1]: the confirmation hash. ARGV: nowMs, userId, keepMs, mode, modeArg.
--   mode "claim":  modeArg = leaseUntilMs; pending → running, kept until the lease + keepMs.  Replies claimed.
--   mode "cancel": modeArg = outcomeJson (result "cancelled"); pending → done, kept keepMs.  Replies cancelled.
-- Other replies { outcome, body, extra }: running (extra: leaseUntilMs) | done (extra: outcomeJson) | not_yours |
-- expired. One script on one key for both: atomic, legal on Redis Cluster, and a Cancel and a Confirm racing have
-- exactly one winner.
local key = KEYS[1]
local nowMs = tonumber(ARGV[1])
if redis.call('EXISTS', key) == 0 then return { 'expired', '', '' } end
local f = redis.call('HMGET', key, 'body', 'actorId', 'state', 'expiresAtMs', 'leaseUntilMs', 'outcome')
local body, actorId, state = f[1] or '', f[2], f[3]
if actorId ~= ARGV[2] then return { 'not_yours', body, '' } end
if state == 'done' then return { 'done', body, f[6] or '' } end
if state == 'running' then return { 'running', body, f[5] or '' } end
if nowMs >= (tonumber(f[4]) or 0) then
  redis.call('DEL', key)
  return { 'expired', '', '' }
end
local keepMs = tonumber(ARGV[3])
if ARGV[4] == 'cancel' then
  redis.call('HSET', key, 'state', 'done', 'outcome', ARGV[5])
  redis.call('PEXPIREAT', key, string.format('%d', nowMs + keepMs))
  return { 'cancelled', body, '' }
end
redis.call('HSET', key, 'state', 'running', 'leaseUntilMs', ARGV[5])
redis.call('PEXPIREAT', key, string.format('%d', tonumber(ARGV[5]) + keepMs))
return { 'claimed', body, '' }
