-- Reads a page of a stream (chat or events) of the meeting's latest started instance, active or not.
-- KEYS: 1 meeting hash, 2 starts, 3 the stream (of ARGV[2])
-- ARGV: 1 now (µs, or '' for the server's clock: see time_of), 2 expected latest instance, 3 read after this entry id ('' = from the start),
--       4 at most this many entries
-- Returns {'OK', id, n, field, value, ... (n items), id, ...} | {'RETRY', instance} | {'UNKNOWN_MEETING'}
local now = time_of(ARGV[1])
if redis.call('EXISTS', KEYS[1]) == 0 then return {'UNKNOWN_MEETING'} end
local order = latest_started(KEYS[2], now)
if order ~= ARGV[2] then return {'RETRY', order} end
local start = ARGV[3] == '' and '-' or '(' .. ARGV[3]
return append_entries({'OK'}, redis.call('XRANGE', KEYS[3], start, '+', 'COUNT', ARGV[4]))
