-- KEYS[1]: the secret hash. ARGV: userId, nowMs. Replies { 'taken', blob } | { 'not_yours' } | { 'gone' }: the blob
-- is read and deleted in the same step, so it is revealed at most once across replicas.
local key = KEYS[1]
local f = redis.call('HMGET', key, 'owner', 'blob', 'expiresAtMs')
if not f[1] or not f[2] then return { 'gone' } end
if tonumber(ARGV[2]) >= (tonumber(f[3]) or 0) then
  redis.call('DEL', key)
  return { 'gone' }
end
if f[1] ~= ARGV[1] then return { 'not_yours' } end
redis.call('DEL', key)
return { 'taken', f[2] }
