-- The user's half of a join, run before the meeting's half (join.lua): checks that the user exists
-- and counts the instance in `joined-in`, where deleteUser finds every instance to erase them from.
-- Counted, not just added: a refused join takes its count back (unnote-joined.lua) without losing a
-- concurrent or earlier join of the same instance.
-- KEYS: 1 user hash, 2 joined-in hash ("n|meeting id" -> count)
-- ARGV: 1 "n|meeting id", or '' when no instance has started (nothing to note)
-- Returns 'OK', email, life | 'UNKNOWN_USER' (flat)
local email = redis.call('HGET', KEYS[1], 'email')
if not email then return 'UNKNOWN_USER' end
if ARGV[1] ~= '' then redis.call('HINCRBY', KEYS[2], ARGV[1], 1) end
-- One string, items joined by newlines (see flat in prelude.lua): cheaper for Redis 6.2 to write.
return 'OK\n' .. email .. '\n' .. (redis.call('HGET', KEYS[1], 'life') or '')
