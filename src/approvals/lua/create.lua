-- ARGV: keepUntilMs, then field/value pairs of the new record hash.
if redis.call('EXISTS', key) == 1 then return { 'exists', '', '' } end
redis.call('HSET', key, unpack(ARGV, 2))
redis.call('PEXPIREAT', key, ARGV[1])
return reply('created')
