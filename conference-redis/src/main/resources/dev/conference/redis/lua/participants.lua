-- Reads the participants of the meeting's active instance, or a page of them, in order of joining
-- (the sorted set's order: join time, then id byte by byte), after a cursor, with their attributes.
-- KEYS: 1 meeting hash, 2 participants, 3 attributes (of ARGV[2])
-- ARGV: 1 now (µs, or '' for the server's clock: see time_of), 2 expected current instance,
--       3 the cursor's join time (µs; '' for the first page), 4 the cursor's user id, 5 page size
--       ('' for all of them, from the first)
-- Returns {'OK', number of participants, user, joined at, ..., then for each who has attributes:
--   user, number of keys, key, value, ...} | {'NOT_ACTIVE'} | {'RETRY', instance} | {'UNKNOWN_MEETING'}
local now = time_of(ARGV[1])
local order, active = current(KEYS[1], now, false)
if not order then return {'UNKNOWN_MEETING'} end
if order ~= ARGV[2] then return {'RETRY', order} end
if not active then return {'NOT_ACTIVE'} end
local limit = tonumber(ARGV[5])
local page
if ARGV[3] == '' then
  page = redis.call('ZRANGE', KEYS[2], 0, limit and limit - 1 or -1, 'WITHSCORES')
else
  -- Whether `a` comes after the cursor's id in a sorted set's order (bytes; Lua's own < follows the
  -- server's locale).
  local function after_cursor(a)
    local b = ARGV[4]
    for i = 1, math.min(#a, #b) do
      local x, y = string.byte(a, i), string.byte(b, i)
      if x ~= y then return x > y end
    end
    return #a > #b
  end
  -- From the cursor's join time on, passing over those of that time up to the cursor's id: a chunk
  -- a call, so the work is the page and the participants who joined in the cursor's microsecond.
  local at = tonumber(ARGV[3])
  page = {}
  local offset = 0
  repeat
    local chunk = redis.call('ZRANGEBYSCORE', KEYS[2], ARGV[3], '+inf', 'WITHSCORES', 'LIMIT', offset, limit)
    for i = 1, #chunk, 2 do
      if #page < 2 * limit and (tonumber(chunk[i + 1]) ~= at or after_cursor(chunk[i])) then
        page[#page + 1] = chunk[i]
        page[#page + 1] = chunk[i + 1]
      end
    end
    offset = offset + #chunk / 2
  until #chunk < 2 * limit or #page >= 2 * limit
end
local out = {'OK', #page / 2}
for _, item in ipairs(page) do out[#out + 1] = item end
if redis.call('EXISTS', KEYS[3]) == 1 then
  -- HMGET a thousand at a time: unpack takes at most a few thousand values.
  for first = 1, #page, 2000 do
    local users = {}
    for i = first, math.min(first + 1998, #page - 1), 2 do users[#users + 1] = page[i] end
    for i, json in ipairs(redis.call('HMGET', KEYS[3], unpack(users))) do
      if json then
        out[#out + 1] = users[i]
        local count, at_count = 0, #out + 1
        out[at_count] = 0
        for key, value in pairs(cjson.decode(json)) do
          out[#out + 1] = key
          out[#out + 1] = value
          count = count + 1
        end
        out[at_count] = count
      end
    end
  end
end
return out
