-- Removes one instance from its meeting's schedule and deletes its data.
-- KEYS: 1 starts, 2 ends, 3 ended, 4 started, 5 closing, 6 meeting hash, then the instance's own keys
--       (participants, events, chat, leases, imported)
-- ARGV: 1 instance
-- Returns {1} if the instance existed, else {0}
local existed = redis.call('ZREM', KEYS[1], ARGV[1])
redis.call('ZREM', KEYS[2], ARGV[1])
redis.call('SREM', KEYS[3], ARGV[1])
redis.call('SREM', KEYS[4], ARGV[1])
redis.call('HDEL', KEYS[5], ARGV[1], ARGV[1] .. ':timed-out', ARGV[1] .. ':op', ARGV[1] .. ':window',
  ARGV[1] .. ':reply')
-- The cached current instance (see current in prelude.lua) may be this one.
forget_current(KEYS[6])
if #KEYS > 6 then redis.call('DEL', unpack(KEYS, 7)) end
return {existed}
