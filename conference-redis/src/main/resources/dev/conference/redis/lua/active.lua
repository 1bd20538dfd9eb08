-- Lists the instances active now: promotes those whose `from` has come, then reads the `active`
-- members whose score is still ahead. The cost follows the answer, not the number of instances
-- ever scheduled. A member the scheduler has claimed carries its claim as score, so the caller
-- also checks the `to` in its span.
-- KEYS: 1 upcoming, 2 active, 3 spans
-- ARGV: 1 now (µs)
-- Returns {member, "from|to", ...} in order of score
promote(KEYS[1], KEYS[2], KEYS[3], ARGV[1])
local out = {}
for _, member in ipairs(redis.call('ZRANGEBYSCORE', KEYS[2], '(' .. ARGV[1], '+inf')) do
  local span = redis.call('HGET', KEYS[3], member)
  if span then
    out[#out + 1] = member
    out[#out + 1] = span
  end
end
return out
