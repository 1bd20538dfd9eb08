-- Reads one user's messages in the meeting's active instance, through that user's id list.
-- KEYS: 1 meeting hash, 2 starts, 3 ends, 4 ended, 5 chat stream, 6 the user's message ids
--       (5-6 of instance ARGV[2])
-- ARGV: 1 now (µs), 2 expected current order
-- Returns {'OK', {id, {field, value, ...}}, ...} | {'NOT_ACTIVE'} | {'RETRY', order} | {'UNKNOWN_MEETING'}
if redis.call('EXISTS', KEYS[1]) == 0 then return {'UNKNOWN_MEETING'} end
local order = latest_started(KEYS[2], ARGV[1])
if order ~= ARGV[2] then return {'RETRY', order} end
if not is_active(KEYS[3], KEYS[4], order, ARGV[1]) then return {'NOT_ACTIVE'} end
local out = {'OK'}
for _, id in ipairs(redis.call('LRANGE', KEYS[6], 0, -1)) do
  local entry = redis.call('XRANGE', KEYS[5], id, id)[1]
  if entry then out[#out + 1] = entry end
end
return out
