-- Changes a current participant's attributes and logs UPDATED with the changes, or refuses and
-- changes nothing. The attributes of the instance's participants are one hash, user -> a JSON object
-- (cjson: only scripts read it; participants.lua hands them out flat), and go when the participant
-- does (leave.lua, remove.lua, expire-lease.lua, erase.lua and end_instance look when the cached
-- current instance's flag says the hash was written).
-- KEYS: 1 meeting hash, 2-3 the replay lists of the reply's span, 4 participants, 5 events,
--       6 attributes (4-6 of instance ARGV[2])
-- ARGV: 1 now (µs, or '' for the server's clock: see time_of), 2 expected current instance, 3 operation id,
--       4 how long to keep the reply (µs), 5 user id, 6 '1' if the command may have run already, else
--       '0' (see open_change in prelude.lua), 7 the changes as the UPDATED event stores them
--       (AttributeText.java), then key, value, ... (an empty value removes its key; checked by the caller)
-- Returns, flat (see flat in prelude.lua): {'OK', event id, join time, key, value, ... (escaped)} |
--   {'RETRY', current instance} | {'TOO_MANY', keys it would leave} | {other refusal}
local MAX_KEYS = 16
-- The reply is flat, its items joined by newlines: a key or value escapes its '\' and newlines
-- (AttributeText.unescaped reads them back).
local function escaped(text) return (string.gsub(text, '[\\\n]', {['\\'] = '\\\\', ['\n'] = '\\n'})) end
-- `reply` ('OK', event id, join time) and the participant's attributes as they are now: the reply
-- kept for a command sent again holds no attribute (a user's words must go with their erasure,
-- replies included), so a replay tells the attributes of now too.
local function with_attributes(reply, attributes)
  local out = {reply}
  for key, value in pairs(attributes) do
    out[#out + 1] = escaped(key)
    out[#out + 1] = escaped(value)
  end
  return table.concat(out, '\n')
end
local function stored_attributes()
  local stored = redis.call('HGET', KEYS[6], ARGV[5])
  return stored and cjson.decode(stored) or {}
end
local now, by_server = time_of(ARGV[1])
local early, order, active, _, _, from, cache =
  open_change(KEYS[1], now, ARGV[2], KEYS[2], KEYS[3], ARGV[3], ARGV[4], ARGV[6])
if early then
  if string.sub(early, 1, 3) == 'OK\n' then return with_attributes(early, stored_attributes()) end
  return early
end
local function done(reply) return remember(KEYS[2], KEYS[3], ARGV[3], ARGV[4], reply) end
if not active then return done('NOT_ACTIVE') end
local joined = redis.call('ZSCORE', KEYS[4], ARGV[5])
if not joined then return done('NOT_IN') end
local attributes = stored_attributes()
for i = 8, #ARGV, 2 do
  if ARGV[i + 1] == '' then attributes[ARGV[i]] = nil else attributes[ARGV[i]] = ARGV[i + 1] end
end
local count = 0
for _ in pairs(attributes) do count = count + 1 end
if count > MAX_KEYS then return done('TOO_MANY\n' .. count) end
if count == 0 then
  redis.call('HDEL', KEYS[6], ARGV[5])
else
  redis.call('HSET', KEYS[6], ARGV[5], cjson.encode(attributes))
  cache_flag(KEYS[1], cache, CACHED_ATTRIBUTED)
end
local at = stamped(now, by_server, from)
local seq = redis.call('HINCRBY', KEYS[1], 'seq', 1)
local id = redis.call('XADD', KEYS[5], '*', 'type', UPDATED, 'user', ARGV[5], 'at', at, 'seq', seq, 'attrs', ARGV[7])
return with_attributes(done('OK\n' .. id .. '\n' .. string.format('%.0f', joined)), attributes)
