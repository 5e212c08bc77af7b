-- Shared helpers, prepended to every approval script. KEYS[1] is the record hash.
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
