-- Lists the instances active now. First moves every instance whose `from` has come from
-- `upcoming` to `active` (each moves once, so the cost is amortized over the instances), then
-- reads the `active` members whose `to` is still ahead: the cost follows the answer, not the
-- number of instances ever scheduled.
-- KEYS: 1 upcoming, 2 active, 3 spans
-- ARGV: 1 now (µs)
-- Returns {member, "from|to", ...} in order of `to`
for _, member in ipairs(redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1])) do
  local span = redis.call('HGET', KEYS[3], member)
  redis.call('ZADD', KEYS[2], string.match(span, '|(%d+)$'), member)
  redis.call('ZREM', KEYS[1], member)
end
local out = {}
for _, member in ipairs(redis.call('ZRANGEBYSCORE', KEYS[2], '(' .. ARGV[1], '+inf')) do
  out[#out + 1] = member
  out[#out + 1] = redis.call('HGET', KEYS[3], member)
end
return out
