-- Finishes a claim: if the member still carries the claimer's score (nobody re-scheduled it
-- meanwhile), sets its next due time, or removes it when there is none.
-- KEYS: 1 the sorted set, then any hash to clean along (spans) when removing
-- ARGV: 1 member, 2 the claimed score, 3 next due time (µs) or '' to remove
local score = redis.call('ZSCORE', KEYS[1], ARGV[1])
if not score or tonumber(score) ~= tonumber(ARGV[2]) then return {'MOVED'} end
if ARGV[3] == '' then
  redis.call('ZREM', KEYS[1], ARGV[1])
  for i = 2, #KEYS do redis.call('HDEL', KEYS[i], ARGV[1]) end
else
  redis.call('ZADD', KEYS[1], ARGV[3], ARGV[1])
end
return {'OK'}
