-- KEYS[1]: the confirmation hash. ARGV: nowMs, userId, outcomeJson (result "cancelled"), keepMs.
-- Replies { outcome, body, extra } as claim.lua does, with cancelled instead of claimed. Pending → done (cancelled)
-- in one script on the key claim.lua uses: a Cancel and a Confirm racing have exactly one winner.
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
redis.call('HSET', key, 'state', 'done', 'outcome', ARGV[3])
redis.call('PEXPIREAT', key, string.format('%d', nowMs + tonumber(ARGV[4])))
return { 'cancelled', body, '' }
