-- ARGV: nowMs, retentionMs, claim, resultJson, finalState
local nowMs, retentionMs = tonumber(ARGV[1]), tonumber(ARGV[2])
if redis.call('EXISTS', key) == 0 then return { 'refused', 'not_found', '' } end
if redis.call('HGET', key, 'state') ~= 'executing' then return reply('refused', 'closed') end
if redis.call('HGET', key, 'executor') ~= ARGV[3] then return reply('refused', 'not_executor') end
redis.call('HSET', key, 'result', ARGV[4])
move(ARGV[5], nowMs, retentionMs)
return reply('completed')
