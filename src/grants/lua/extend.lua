-- ARGV[4]: grant ID, ARGV[5]: new expiry (ms), ARGV[6]: new reminder time (ms) or ''. Only a running grant moves.
local grants, meta = load()
local g = find(grants, ARGV[4])
if g == nil then return { 'refused', 'not_found', '' } end
if g.state ~= 'active' or g.exp <= now then return { 'refused', 'closed', '', cjson.encode(g) } end
g.exp = tonumber(ARGV[5])
g.remindAt = tonumber(ARGV[6])
g.remindedFor = nil
g.extensions = (g.extensions or 0) + 1
save(g)
reindex(grants, meta)
return { 'ok', '', '', cjson.encode(g) }
