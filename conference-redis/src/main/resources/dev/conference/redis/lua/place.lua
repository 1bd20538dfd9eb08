-- Finds, for past records of one meeting (see import.lua), the instance whose [from, to) holds each
-- record's time. Instances of a meeting never overlap, so the latest one started by a time is the
-- only candidate.
-- KEYS: 1 meeting hash, 2 starts, 3 ends
-- ARGV: 1 now (µs, or '' for the server's clock: see time_of), then the records' times (µs)
-- Returns, flat: 'UNKNOWN_MEETING' | one item a time: the instance's number, '0' for none, or 'F'
-- for a time after now
if redis.call('EXISTS', KEYS[1]) == 0 then return 'UNKNOWN_MEETING' end
local now = tonumber((time_of(ARGV[1])))
local out = {}
-- The instance found last, [from, to): records come in time order, and most follow one another in
-- an instance, so most need no lookup.
local last, last_from, last_to = nil, 0, 0
for i = 2, #ARGV do
  local at = tonumber(ARGV[i])
  local order = '0'
  if at > now then
    order = 'F'
  elseif last and at >= last_from and at < last_to then
    order = last
  else
    local latest = redis.call('ZREVRANGEBYSCORE', KEYS[2], ARGV[i], '-inf', 'LIMIT', 0, 1, 'WITHSCORES')
    local to = latest[1] and tonumber(redis.call('ZSCORE', KEYS[3], latest[1]))
    if to and to > at then
      order, last, last_from, last_to = latest[1], latest[1], tonumber(latest[2]), to
    end
  end
  out[#out + 1] = order
end
return table.concat(out, '\n')
