-- Reads the participants of the meeting's active instance with their join times and attributes.
-- KEYS: 1 meeting hash, 2 participants, 3 attributes (of ARGV[2])
-- ARGV: 1 now (µs, or '' for the server's clock: see time_of), 2 expected current instance
-- Returns {'OK', number of participants, user, joined at, ..., then for each who has attributes:
--   user, number of keys, key, value, ...} | {'NOT_ACTIVE'} | {'RETRY', instance} | {'UNKNOWN_MEETING'}
local now = time_of(ARGV[1])
local order, active = current(KEYS[1], now, false)
if not order then return {'UNKNOWN_MEETING'} end
if order ~= ARGV[2] then return {'RETRY', order} end
if not active then return {'NOT_ACTIVE'} end
local out = redis.call('ZRANGE', KEYS[2], 0, -1, 'WITHSCORES')
table.insert(out, 1, #out / 2)
table.insert(out, 1, 'OK')
local attributed = redis.call('HGETALL', KEYS[3])
for i = 1, #attributed, 2 do
  out[#out + 1] = attributed[i]
  local count, at = 0, #out + 1
  out[at] = 0
  for key, value in pairs(cjson.decode(attributed[i + 1])) do
    out[#out + 1] = key
    out[#out + 1] = value
    count = count + 1
  end
  out[at] = count
end
return out
