-- What the repair pass re-indexes for one meeting: the instances not ended (or with an ending left
-- half-way) among the latest few started by now and the next few to start, each with its span and
-- whether STARTED is logged.
-- Bounded: instances further ahead come into view as the nearer ones pass.
-- KEYS: 1 starts, 2 ends, 3 ended, 4 started, 5 meeting hash, 6 closing
-- ARGV: 1 now (µs, or '<' and a time: see time_of), 2 how many on each side of now
-- Returns {schedule version, instance, from, to, started ('1' or '0'), ...}
local now = time_of(ARGV[1])
local out = {redis.call('HGET', KEYS[5], 'version') or '0'}
local function add(order)
  if redis.call('SISMEMBER', KEYS[3], order) == 0 or redis.call('HEXISTS', KEYS[6], order) == 1 then
    out[#out + 1] = order
    out[#out + 1] = redis.call('ZSCORE', KEYS[1], order)
    out[#out + 1] = redis.call('ZSCORE', KEYS[2], order)
    out[#out + 1] = tostring(redis.call('SISMEMBER', KEYS[4], order))
  end
end
for _, order in ipairs(redis.call('ZREVRANGEBYSCORE', KEYS[1], now, '-inf', 'LIMIT', 0, ARGV[2])) do add(order) end
for _, order in ipairs(redis.call('ZRANGEBYSCORE', KEYS[1], '(' .. now, '+inf', 'LIMIT', 0, ARGV[2])) do add(order) end
return out
