-- The user's half of a first join of an instance, run before the meeting's half (join.lua) when
-- the user's hash does not note the instance yet (RedisAsyncConference.noteJoined): checks that the
-- user exists and notes the instance in the user's hash (field "n|meeting id": no profile field has
-- a '|'), where deleteUser finds every instance to erase them from. In the user's own hash rather
-- than a key of its own: most users join a few instances, and a key costs more than the fields it
-- holds. A note stays until deleteUser crosses it off, whatever the join's outcome.
-- KEYS: 1 user hash
-- ARGV: 1 "n|meeting id"
-- Returns 'OK', email, life | 'UNKNOWN_USER' (flat)
local user = redis.call('HMGET', KEYS[1], 'email', 'p', 'life')
if not user[1] then return 'UNKNOWN_USER' end
-- The life leads `p`; a user of the layout before `p` has a field of it (see Profile.java).
local life = user[2] and string.match(user[2], '^[^|]*') or user[3] or ''
redis.call('HSET', KEYS[1], ARGV[1], '1')
-- One string, items joined by newlines (see flat in prelude.lua): cheaper for Redis 6.2 to write.
return 'OK\n' .. user[1] .. '\n' .. life
