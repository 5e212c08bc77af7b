-- ARGV: cardJson
if redis.call('EXISTS', key) == 0 then return { 'refused', 'not_found', '' } end
redis.call('HSET', key, 'card', ARGV[1])
return reply('ok')
