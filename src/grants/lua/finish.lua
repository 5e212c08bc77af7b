-- ARGV[4]: claim token, ARGV[5]: the worker's report (JSON: reminded, covered, revoke). Replies done (count of
-- ended records, then the ended and the overdue records) or lost (the claim ran out; nothing recorded).
local grants, meta = load()
if meta.claim ~= ARGV[4] then return { 'lost', '', '' } end
local report = cjson.decode(ARGV[5])
local covered, revoked = {}, {}
for _, id in ipairs(report.covered) do covered[id] = true end
if report.revoke ~= nil then for _, id in ipairs(report.revoke.ids) do revoked[id] = true end end
local ended, overdue = {}, {}
for _, g in ipairs(grants) do
  local changed = false
  local remindedFor = report.reminded[g.id]
  if remindedFor ~= nil and g.state == 'active' and g.remindAt == remindedFor then
    g.remindedFor = remindedFor
    changed = true
  end
  local stillEnding = g.state == 'overdue' or g.state == 'revoking' or (g.state == 'active' and g.exp <= now)
  if covered[g.id] and stillEnding then
    g.state = 'ended'
    g.ended = { at = now, how = 'covered' }
    ended[#ended + 1] = g
    changed = true
  elseif revoked[g.id] and g.state == 'revoking' then
    if report.revoke.outcome == 'failed' then
      g.state = 'overdue'
      g.attempts = (g.attempts or 0) + 1
      g.nextTry = report.revoke.nextTryMs or now
      g.overdueSince = g.overdueSince or now
      if report.revoke.errorCode ~= nil then g.lastError = report.revoke.errorCode end
      overdue[#overdue + 1] = g
    else
      g.state = 'ended'
      g.ended = { at = now, how = report.revoke.outcome }
      ended[#ended + 1] = g
    end
    changed = true
  end
  if changed then save(g) end
end
redis.call('HDEL', akey, 'claim', 'lease', 'revoke')
meta.claim, meta.lease, meta.revoke = nil, nil, nil
reindex(grants, meta)
local out = { 'done', fmt(#ended), '' }
for _, list in ipairs({ ended, overdue }) do
  for _, g in ipairs(list) do out[#out + 1] = cjson.encode(g) end
end
return out
