-- ARGV[4]: lease (ms), ARGV[5]: claim token. Replies claimed (counts of covered and revoke records, then the
-- records: covered, revoke, remind), busy (until the lease), or later (next due ms, or '' when nothing is left).
if redis.call('EXISTS', akey) == 0 then
  redis.call('ZREM', due, tag)
  redis.call('ZREM', ukey, tag)
  return { 'later', '', '' }
end
local grants, meta = load()
if claimLive(meta) then return { 'busy', '', meta.lease } end
local live = anyRunsOn(grants)
local covered, revoke, remind = {}, {}, {}
for _, g in ipairs(grants) do
  local ending = (g.state == 'active' and g.exp <= now) or g.state == 'revoking'
    or (g.state == 'overdue' and (live or (g.nextTry or 0) <= now))
  if ending then
    if live then covered[#covered + 1] = g else revoke[#revoke + 1] = g end
  end
  if runsOn(g) and g.remindAt ~= nil and g.remindAt <= now and g.remindedFor ~= g.remindAt then
    remind[#remind + 1] = g
  end
end
redis.call('HDEL', akey, 'claim', 'lease', 'revoke')
meta.claim, meta.lease, meta.revoke = nil, nil, nil
if #covered + #revoke + #remind == 0 then
  local at = reindex(grants, meta)
  return { 'later', '', at and fmt(at) or '' }
end
for _, g in ipairs(revoke) do
  g.state = 'revoking'
  save(g)
end
local lease = fmt(now + tonumber(ARGV[4]))
redis.call('HSET', akey, 'claim', ARGV[5], 'lease', lease, 'revoke', #revoke > 0 and '1' or '0')
meta.claim, meta.lease = ARGV[5], lease
reindex(grants, meta)
local out = { 'claimed', fmt(#covered), fmt(#revoke) }
for _, list in ipairs({ covered, revoke, remind }) do
  for _, g in ipairs(list) do out[#out + 1] = cjson.encode(g) end
end
return out
