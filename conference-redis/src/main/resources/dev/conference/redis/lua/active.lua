-- One page of the instances active now: the `active` members whose score is ahead of now, in order
-- of score and then member, from a cursor, so a caller reads any number of them in bounded calls.
-- Promotion (promote.lua) comes first. A member the scheduler has claimed carries its claim as
-- score, so the caller also checks the `to` in its span against the time returned.
-- KEYS: 1 active, 2 spans
-- ARGV: 1 now (µs, or '' for the server's clock: see time_of), 2 lowest score as ZRANGEBYSCORE
--       takes it, or '' for the first page (above now), 3 how many members of that score were seen
--       already, 4 page size
-- Returns {now, member, "from|to", score, ...}
local now = time_of(ARGV[1])
local lowest = ARGV[2] == '' and '(' .. now or ARGV[2]
local out = {now}
local page = redis.call('ZRANGEBYSCORE', KEYS[1], lowest, '+inf', 'WITHSCORES', 'LIMIT', ARGV[3], ARGV[4])
for i = 1, #page, 2 do
  local span = redis.call('HGET', KEYS[2], page[i])
  out[#out + 1] = page[i]
  out[#out + 1] = span or ''
  out[#out + 1] = page[i + 1]
end
return out
