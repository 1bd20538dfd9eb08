-- Reads the participants of the meeting's active instance with their join times.
-- KEYS: 1 meeting hash, 2 starts, 3 ends, 4 ended, 5 participants (of ARGV[2])
-- ARGV: 1 now (µs, or '' for the server's clock: see time_of), 2 expected current instance
-- Returns {'OK', user, joined at, ...} | {'NOT_ACTIVE'} | {'RETRY', instance} | {'UNKNOWN_MEETING'}
local now = time_of(ARGV[1])
local c = current({meeting = KEYS[1], starts = KEYS[2], ends = KEYS[3], ended = KEYS[4]}, now, false)
if not c then return {'UNKNOWN_MEETING'} end
if c.order ~= ARGV[2] then return {'RETRY', c.order} end
if not c.active then return {'NOT_ACTIVE'} end
local out = redis.call('ZRANGE', KEYS[5], 0, -1, 'WITHSCORES')
table.insert(out, 1, 'OK')
return out
