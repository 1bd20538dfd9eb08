-- Reads a meeting's schedule in time order.
-- KEYS: 1 starts, 2 ends
-- Returns {instance, from, to, ...}
local out = {}
local starts = redis.call('ZRANGE', KEYS[1], 0, -1, 'WITHSCORES')
for i = 1, #starts, 2 do
  out[#out + 1] = starts[i]
  out[#out + 1] = starts[i + 1]
  out[#out + 1] = redis.call('ZSCORE', KEYS[2], starts[i])
end
return out
