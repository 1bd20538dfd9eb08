-- Reads a page of a stream (chat or events) of one given instance.
-- KEYS: 1 meeting hash, 2 the stream
-- ARGV: 1 read after this entry id ('' = from the start), 2 at most this many entries
-- Returns {'OK', id, n, field, value, ... (n items), id, ...} | {'UNKNOWN_MEETING'}
if redis.call('EXISTS', KEYS[1]) == 0 then return {'UNKNOWN_MEETING'} end
local start = ARGV[1] == '' and '-' or '(' .. ARGV[1]
return append_entries({'OK'}, redis.call('XRANGE', KEYS[2], start, '+', 'COUNT', ARGV[2]))
