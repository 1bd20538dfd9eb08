-- Takes back one count of note-joined.lua after the meeting refused the join.
-- KEYS: 1 user hash
-- ARGV: 1 "n|meeting id"
if redis.call('HINCRBY', KEYS[1], ARGV[1], -1) <= 0 then redis.call('HDEL', KEYS[1], ARGV[1]) end
return {'OK'}
