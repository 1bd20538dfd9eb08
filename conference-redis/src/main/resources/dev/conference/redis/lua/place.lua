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
for i = 2, #ARGV do
  local at = ARGV[i]
  local order = '0'
  if tonumber(at) > now then
    order = 'F'
  else
    local latest = redis.call('ZREVRANGEBYSCORE', KEYS[2], at, '-inf', 'LIMIT', 0, 1)[1]
    local to = latest and redis.call('ZSCORE', KEYS[3], latest)
    if to and tonumber(to) > tonumber(at) then order = latest end
  end
  out[#out + 1] = order
end
return table.concat(out, '\n')
