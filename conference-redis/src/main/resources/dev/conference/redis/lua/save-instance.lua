-- Schedules an instance or moves an existing one (same number) to new times, refusing an overlap
-- with any other instance of the meeting. Since instances never overlap, sorting by `from` also
-- sorts them by `to`, so the only candidate for an overlap is the latest other instance that
-- starts before the new `to`.
-- KEYS: 1 meeting hash, 2 starts, 3 ends, 4 ended
-- ARGV: 1 instance, 2 from (µs), 3 to (µs)
-- Returns {'OK', ended ('1' or '0'), version} | {'OVERLAP', instance, from, to} | {'UNKNOWN_MEETING'}
if redis.call('EXISTS', KEYS[1]) == 0 then return {'UNKNOWN_MEETING'} end
local before = redis.call('ZREVRANGEBYSCORE', KEYS[2], '(' .. ARGV[3], '-inf', 'LIMIT', 0, 2)
for _, other in ipairs(before) do
  if other ~= ARGV[1] then
    local other_to = redis.call('ZSCORE', KEYS[3], other)
    if tonumber(other_to) > tonumber(ARGV[2]) then
      return {'OVERLAP', other, redis.call('ZSCORE', KEYS[2], other), other_to}
    end
    break
  end
end
redis.call('ZADD', KEYS[2], ARGV[2], ARGV[1])
-- The cached current instance (see current in prelude.lua) may no longer be it.
forget_current(KEYS[1])
redis.call('ZADD', KEYS[3], ARGV[3], ARGV[1])
-- Each save of the meeting's schedule gets the next version, so an index write from an older save
-- that lands after a newer one changes nothing (index-instance.lua).
local version = redis.call('HINCRBY', KEYS[1], 'version', 1)
return {'OK', tostring(redis.call('SISMEMBER', KEYS[4], ARGV[1])), tostring(version)}
