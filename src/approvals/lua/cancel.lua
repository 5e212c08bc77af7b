-- ARGV: nowMs, retentionMs, userId, nowIso
local nowMs, retentionMs, userId = tonumber(ARGV[1]), tonumber(ARGV[2]), ARGV[3]
if redis.call('EXISTS', key) == 0 then return { 'refused', 'not_found', '' } end
if redis.call('HGET', key, 'requesterId') ~= userId then return reply('refused', 'not_requester') end
local refused = pendingGate(nowMs, retentionMs)
if refused then return refused end
redis.call('HSET', key, 'cancelledAt', ARGV[4])
move('cancelled', nowMs, retentionMs)
return reply('cancelled')
