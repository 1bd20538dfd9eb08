-- Erases a user from one instance of a meeting: they leave it (a LEFT, so the log still replays to
-- the participants), and every message they posted in it goes from its chat, the meeting feed and
-- the by-user index. `erased` marks the meeting for a replay window: a join that passed
-- note-joined.lua for this life of the user before the user was forgotten, and reaches the meeting
-- only now, is refused (join.lua).
-- KEYS: 1 feed, 2 erased marker of this user, 3 participants, 4 leases, 5 events, 6 chat,
--       7 by-user (3-7 of instance ARGV[2])
-- ARGV: 1 now (µs), 2 instance, 3 user id, 4 the user's field in by-user, 5 life, 6 replay window (ms)
-- Returns {number of messages deleted}
redis.call('SET', KEYS[2], ARGV[5], 'PX', ARGV[6])
redis.call('ZREM', KEYS[4], ARGV[3])
if redis.call('ZREM', KEYS[3], ARGV[3]) == 1 then
  log_event(KEYS[5], KEYS[1], ARGV[2], 'left', ARGV[3], ARGV[1])
end
local count = tonumber(redis.call('HGET', KEYS[7], ARGV[4]) or '0')
local deleted = 0
for i = 1, count do
  local field = ARGV[4] .. '#' .. i
  local ids = redis.call('HGET', KEYS[7], field)
  if ids then
    local id, feed_id = string.match(ids, '^(%S+) (%S+)$')
    deleted = deleted + redis.call('XDEL', KEYS[6], id)
    redis.call('XDEL', KEYS[1], feed_id)
    redis.call('HDEL', KEYS[7], field)
  end
end
redis.call('HDEL', KEYS[7], ARGV[4])
return {deleted}
