-- Counts the participants of the meeting's active instance (ZCARD: the same cost for ten or a
-- hundred thousand).
-- KEYS: 1 meeting hash, 2 participants (of ARGV[2])
-- ARGV: 1 now (µs, or '' for the server's clock: see time_of), 2 expected current instance
-- Returns {'OK', count} | {'NOT_ACTIVE'} | {'RETRY', instance} | {'UNKNOWN_MEETING'}
local now = time_of(ARGV[1])
local order, active = current(KEYS[1], now, false)
if not order then return {'UNKNOWN_MEETING'} end
if order ~= ARGV[2] then return {'RETRY', order} end
if not active then return {'NOT_ACTIVE'} end
return {'OK', redis.call('ZCARD', KEYS[2])}
