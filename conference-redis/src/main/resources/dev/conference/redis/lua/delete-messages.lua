-- Deletes every message one user posted in one instance, from its chat, the meeting feed and the
-- by-user index (a data-protection request).
-- KEYS: 1 chat stream, 2 feed, 3 by-user hash (1 and 3 of the instance)
-- ARGV: 1 the user's field in by-user
-- Returns {number of messages deleted}
local count = tonumber(redis.call('HGET', KEYS[3], ARGV[1]) or '0')
local deleted = 0
for i = 1, count do
  local field = ARGV[1] .. '#' .. i
  local ids = redis.call('HGET', KEYS[3], field)
  if ids then
    local id, feed_id = string.match(ids, '^(%S+) (%S+)$')
    deleted = deleted + redis.call('XDEL', KEYS[1], id)
    redis.call('XDEL', KEYS[2], feed_id)
    redis.call('HDEL', KEYS[3], field)
  end
end
redis.call('HDEL', KEYS[3], ARGV[1])
return {deleted}
