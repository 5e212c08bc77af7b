-- ARGV[4]: the new grant (JSON). Replies ok, or refused busy (a revoke of this access runs) / closed (ID taken).
local grants, meta = load()
if claimLive(meta) and meta.revoke == '1' then return { 'refused', 'busy', meta.lease } end
local g = cjson.decode(ARGV[4])
if find(grants, g.id) ~= nil then return { 'refused', 'closed', '' } end
redis.call('HSET', akey, 'g:' .. g.id, ARGV[4])
grants[#grants + 1] = g
reindex(grants, meta)
return { 'ok', '', '', ARGV[4] }
