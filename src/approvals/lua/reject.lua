-- ARGV: nowMs, retentionMs, userId, rejectionJson
local nowMs, retentionMs, userId = tonumber(ARGV[1]), tonumber(ARGV[2]), ARGV[3]
local refused = pendingGate(nowMs, retentionMs)
if refused then return refused end
if redis.call('HGET', key, 'requesterId') == userId then return reply('refused', 'self_approval') end
redis.call('HSET', key, 'rejection', ARGV[4])
move('rejected', nowMs, retentionMs)
return reply('rejected')
