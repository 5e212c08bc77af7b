-- ARGV[4]: grant ID, ARGV[5]: who ends it, ARGV[6]: why (revoke | failed). An active grant becomes due now.
local grants, meta = load()
local g = find(grants, ARGV[4])
if g == nil then return { 'refused', 'not_found', '' } end
if g.state ~= 'active' then return { 'refused', 'closed', '', cjson.encode(g) } end
if g.exp > now then g.exp = now end
g.early = { by = ARGV[5], at = now, why = ARGV[6] }
save(g)
reindex(grants, meta)
return { 'ok', '', '', cjson.encode(g) }
