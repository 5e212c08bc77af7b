-- Shared helpers, prepended to every grant script. Every key is in one shard's hash tag (one Cluster slot):
-- KEYS[1] the shard's schedule (zset tag -> next due ms), KEYS[2] the assignment hash (fields `g:<grant id>` hold
-- grant records as JSON; `claim`, `lease`, `revoke` describe a worker's claim), KEYS[3] the user's index (zset).
-- ARGV[1] the assignment tag, ARGV[2] now (ms), ARGV[3] how long ended grants are kept (ms).
-- The rules are those of src/grants/plan.ts; the contract tests hold both to them.
local due, akey, ukey = KEYS[1], KEYS[2], KEYS[3]
local tag, now, retention = ARGV[1], tonumber(ARGV[2]), tonumber(ARGV[3])

local function fmt(n) return string.format('%d', n) end

local function load()
  local flat = redis.call('HGETALL', akey)
  local grants, meta = {}, {}
  for i = 1, #flat, 2 do
    if string.sub(flat[i], 1, 2) == 'g:' then grants[#grants + 1] = cjson.decode(flat[i + 1])
    else meta[flat[i]] = flat[i + 1] end
  end
  return grants, meta
end

local function save(g) redis.call('HSET', akey, 'g:' .. g.id, cjson.encode(g)) end

local function find(grants, id)
  for _, g in ipairs(grants) do if g.id == id then return g end end
  return nil
end

local function runsOn(g) return g.state == 'active' and g.exp > now end

local function anyRunsOn(grants)
  for _, g in ipairs(grants) do if runsOn(g) then return true end end
  return false
end

local function claimLive(meta) return meta.claim ~= nil and tonumber(meta.lease or '0') > now end

-- When the assignment next needs a worker; nil once every grant has ended.
local function nextDue(grants, meta)
  local any = false
  for _, g in ipairs(grants) do if g.state ~= 'ended' then any = true end end
  if not any then return nil end
  if claimLive(meta) then return tonumber(meta.lease) end
  local live = anyRunsOn(grants)
  local best = nil
  local function consider(t) if best == nil or t < best then best = t end end
  for _, g in ipairs(grants) do
    if g.state == 'active' then
      consider(g.exp)
      if g.remindAt ~= nil and g.remindedFor ~= g.remindAt and g.remindAt < g.exp then consider(g.remindAt) end
    elseif g.state == 'overdue' then
      if live then consider(now) else consider(g.nextTry or now) end
    elseif g.state == 'revoking' then consider(now) end
  end
  return best or now
end

-- Drops ended grants past retention, then files the assignment in the schedule or takes it out.
local function reindex(grants, meta)
  local kept = {}
  for _, g in ipairs(grants) do
    if g.state == 'ended' and g.ended ~= nil and g.ended.at + retention <= now then
      redis.call('HDEL', akey, 'g:' .. g.id)
    else kept[#kept + 1] = g end
  end
  local at = nextDue(kept, meta)
  if at == nil then
    redis.call('ZREM', due, tag)
    redis.call('ZREM', ukey, tag)
    if redis.call('EXISTS', akey) == 1 then redis.call('PEXPIREAT', akey, fmt(now + retention)) end
  else
    redis.call('ZADD', due, fmt(at), tag)
    redis.call('ZADD', ukey, 0, tag)
    redis.call('PERSIST', akey)
  end
  return at
end
