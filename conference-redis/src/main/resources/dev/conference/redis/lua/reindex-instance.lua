-- The repair pass's write of one instance the meeting's own keys say is not ended: puts it back
-- where index-instance would have, if it is missing or its span is wrong. Idempotent, and it leaves
-- a member that is right (or claimed by a scheduler) as it is.
-- KEYS: 1 upcoming, 2 active, 3 spans, 4 announce, 5 versions
-- ARGV: 1 member, 2 from (µs), 3 to (µs), 4 '1' when its STARTED is logged, 5 the schedule's version
--       when it was read
-- Returns {1 when it changed anything, else 0}
local known = redis.call('HGET', KEYS[5], ARGV[1])
-- A save newer than what the walk read has indexed its own span already.
if known and tonumber(known) > tonumber(ARGV[5]) then return {0} end
redis.call('HSET', KEYS[5], ARGV[1], ARGV[5])
local span = ARGV[2] .. '|' .. ARGV[3]
local in_active = redis.call('ZSCORE', KEYS[2], ARGV[1])
local in_upcoming = redis.call('ZSCORE', KEYS[1], ARGV[1])
local changed = 0
if redis.call('HGET', KEYS[3], ARGV[1]) ~= span then
  redis.call('HSET', KEYS[3], ARGV[1], span)
  changed = 1
  -- A member with a wrong span also has a wrong score: set it again below.
  if in_active then redis.call('ZADD', KEYS[2], ARGV[3], ARGV[1]) end
  if in_upcoming then redis.call('ZADD', KEYS[1], ARGV[2], ARGV[1]) end
end
if not in_active and not in_upcoming then
  redis.call('ZADD', KEYS[1], ARGV[2], ARGV[1])
  changed = 1
end
if ARGV[4] == '0' and not redis.call('ZSCORE', KEYS[4], ARGV[1]) then
  redis.call('ZADD', KEYS[4], ARGV[2], ARGV[1])
  changed = 1
end
return {changed}
