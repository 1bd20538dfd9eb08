-- Reads one user's messages in the meeting's active instance, through the by-user index.
-- KEYS: 1 meeting hash, 2 starts, 3 ends, 4 ended, 5 chat stream, 6 by-user hash (5-6 of instance ARGV[2])
-- ARGV: 1 now (µs, or '' for the server's clock: see time_of), 2 expected current instance, 3 the user's field in by-user
-- Returns {'OK', id, n, field, value, ... (n items), id, ...} | {'NOT_ACTIVE'} | {'RETRY', instance} | {'UNKNOWN_MEETING'}
local now = time_of(ARGV[1])
local order, active = current(KEYS[1], KEYS[2], KEYS[3], KEYS[4], now, false)
if not order then return {'UNKNOWN_MEETING'} end
if order ~= ARGV[2] then return {'RETRY', order} end
if not active then return {'NOT_ACTIVE'} end
local out = {'OK'}
local count = tonumber(redis.call('HGET', KEYS[6], ARGV[3]) or '0')
for i = 1, count do
  local ids = redis.call('HGET', KEYS[6], ARGV[3] .. '#' .. i)
  if ids then
    local id = string.match(ids, '^(%S+)')
    append_entries(out, redis.call('XRANGE', KEYS[5], id, id))
  end
end
return out
