-- KEYS[1]: the confirmation hash. ARGV: outcomeJson, nowMs, keepMs.
local key = KEYS[1]
if redis.call('HGET', key, 'state') ~= 'running' then return 0 end
redis.call('HSET', key, 'state', 'done', 'outcome', ARGV[1])
redis.call('PEXPIREAT', key, string.format('%d', tonumber(ARGV[2]) + tonumber(ARGV[3])))
return 1
