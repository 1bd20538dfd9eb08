-- Reads one user's messages in the meeting's active instance, a page of the chat at a time
-- (SCAN_PAGE entries scanned per call), so that a long chat costs several short calls; the caller
-- goes on from the cursor until it is ''.
-- KEYS: 1 meeting hash, 2 chat stream (of instance ARGV[2])
-- ARGV: 1 now (µs, or '' for the server's clock: see time_of), 2 expected current instance,
--       3 where to go on from ('-' at first, then the cursor), 4 user id
-- Returns {'OK', cursor, id, n, field, value, ... (n items), id, ...} | {'NOT_ACTIVE'} | {'RETRY', instance}
--   | {'UNKNOWN_MEETING'}
local SCAN_PAGE = 1000
local now = time_of(ARGV[1])
local order, active = current(KEYS[1], now, false)
if not order then return {'UNKNOWN_MEETING'} end
if order ~= ARGV[2] then return {'RETRY', order} end
if not active then return {'NOT_ACTIVE'} end
local page = redis.call('XRANGE', KEYS[2], ARGV[3], '+', 'COUNT', SCAN_PAGE)
local out = {'OK', ''}
for _, entry in ipairs(page) do
  if field_of(entry, 'user') == ARGV[4] then append_entries(out, {entry}) end
end
if #page == SCAN_PAGE then out[2] = '(' .. page[#page][1] end
return out
