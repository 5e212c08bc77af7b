-- KEYS[1]: the confirmation hash. ARGV: bodyJson, actorId, expiresAtMs.
local key = KEYS[1]
if redis.call('EXISTS', key) == 1 then return 'exists' end
redis.call('HSET', key, 'body', ARGV[1], 'actorId', ARGV[2], 'state', 'pending', 'expiresAtMs', ARGV[3])
redis.call('PEXPIREAT', key, ARGV[3])
return 'created'
