-- ARGV: nowMs, retentionMs, userId, approvalEntryJson, leaseUntilMs, leaseUntilIso, claim
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
