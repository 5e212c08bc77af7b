-- ARGV: nowMs, retentionMs. Replies 'swept' (+record), 'later' + next deadline (ms), or 'gone'.
local nowMs, retentionMs = tonumber(ARGV[1]), tonumber(ARGV[2])
if redis.call('EXISTS', key) == 0 then return { 'gone', '', '' } end
local state = redis.call('HGET', key, 'state')
local deadline, next_
if state == 'pending' then deadline, next_ = num('expiresAtMs'), 'expired'
elseif state == 'executing' then deadline, next_ = num('leaseUntilMs'), 'unknown'
else return { 'gone', '', '' } end
if nowMs < deadline then return { 'later', string.format('%d', deadline), '' } end
move(next_, nowMs, retentionMs)
return reply('swept')
