-- Keeps the cross-meeting index of instances not yet ended: `upcoming` (score: from) holds those
-- not yet seen started, `active` (score: to) those started; `spans` maps each member to
-- "from|to"; `announce` (score: from) holds those whose STARTED the scheduler has still to log.
-- A member is "instance|meeting id". A running instance stays in `active` under its new end.
-- `versions` holds the version of the save each member's entry comes from: a write from an older
-- save (landing late) changes nothing.
-- KEYS: 1 upcoming, 2 active, 3 spans, 4 announce, 5 versions
-- ARGV: 1 member, 2 from (µs), 3 to (µs), 4 the save's version
-- Returns {'OK'} | {'STALE'}
local known = redis.call('HGET', KEYS[5], ARGV[1])
if known and tonumber(known) >= tonumber(ARGV[4]) then return {'STALE'} end
redis.call('HSET', KEYS[5], ARGV[1], ARGV[4])
if redis.call('ZSCORE', KEYS[2], ARGV[1]) then
  redis.call('ZADD', KEYS[2], ARGV[3], ARGV[1])
else
  redis.call('ZADD', KEYS[1], ARGV[2], ARGV[1])
end
redis.call('HSET', KEYS[3], ARGV[1], ARGV[2] .. '|' .. ARGV[3])
redis.call('ZADD', KEYS[4], ARGV[2], ARGV[1])
return {'OK'}
