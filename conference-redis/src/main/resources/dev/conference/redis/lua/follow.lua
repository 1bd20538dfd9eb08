-- What a live subscription reads before each XREAD (RedisLiveEvents): the meeting's `born` and `seq`
-- now, the highest `seq` its notes of instances let go of (`forgot`, see keep_latest in prelude.lua),
-- and the instances that may hold live entries after `seq` ARGV[1]: the one current then (the latest
-- turn at or before it), those turned current or written to late since, and the next to start (its
-- log is blocked on, to see it start); then the latest two started by now. In one step, so no entry
-- can come between the count and the instances that may hold it.
-- KEYS: 1 meeting hash (the sets are named after it, in its slot)
-- ARGV: 1 a seq, 2 now (µs, or '' for the server's clock: see time_of)
-- Returns {born, seq, forgot, {instance, ...}, {latest started, the one before}} | {'UNKNOWN_MEETING'}
local meeting = KEYS[1]
local state = redis.call('HMGET', meeting, 'public', 'born', 'seq', 'forgot')
if not state[1] then return {'UNKNOWN_MEETING'} end
local after, now = ARGV[1], time_of(ARGV[2])
local instances = redis.call('ZRANGEBYSCORE', meeting .. ':turns', '(' .. after, '+inf')
local lists = {
  redis.call('ZREVRANGEBYSCORE', meeting .. ':turns', after, '-inf', 'LIMIT', 0, 1),
  redis.call('ZRANGEBYSCORE', meeting .. ':late', '(' .. after, '+inf'),
  redis.call('ZRANGEBYSCORE', meeting .. ':starts', '(' .. now, '+inf', 'LIMIT', 0, 1),
}
for _, list in ipairs(lists) do
  for _, n in ipairs(list) do instances[#instances + 1] = n end
end
local latest = redis.call('ZREVRANGEBYSCORE', meeting .. ':starts', now, '-inf', 'LIMIT', 0, 2)
return {state[2] or '0', state[3] or '0', state[4] or '0', instances, latest}
