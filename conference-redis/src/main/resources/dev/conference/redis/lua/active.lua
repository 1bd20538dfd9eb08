-- One page of the instances active now: the `active` members whose score is ahead of now, in order
-- of score and then member, from a cursor, so a caller reads any number of them in bounded calls.
-- Promotion (promote.lua) comes first. A member the scheduler has claimed carries its claim as
-- score, so the caller also checks the `to` in its span.
-- KEYS: 1 active, 2 spans
-- ARGV: 1 lowest score, as ZRANGEBYSCORE takes it ('(now' at first, then the last score seen),
--       2 how many members of that score were seen already, 3 page size
-- Returns {member, "from|to", score, ...}
local out = {}
local page = redis.call('ZRANGEBYSCORE', KEYS[1], ARGV[1], '+inf', 'WITHSCORES', 'LIMIT', ARGV[2], ARGV[3])
for i = 1, #page, 2 do
  local span = redis.call('HGET', KEYS[2], page[i])
  out[#out + 1] = page[i]
  out[#out + 1] = span or ''
  out[#out + 1] = page[i + 1]
end
return out
