-- The user's half of a join, run before the meeting's half (join.lua): checks that the user exists
-- and counts the instance in the user's hash (field "n|meeting id": no profile field has a '|'),
-- where deleteUser finds every instance to erase them from. In the user's own hash rather than a key
-- of its own: most users join a few instances, and a key costs more than the fields it holds.
-- Counted, not just added: a refused join takes its count back (unnote-joined.lua) without losing a
-- concurrent or earlier join of the same instance.
-- KEYS: 1 user hash
-- ARGV: 1 "n|meeting id", or '' when no instance has started (nothing to note)
-- Returns 'OK', email, life | 'UNKNOWN_USER' (flat)
local user = redis.call('HMGET', KEYS[1], 'email', 'life')
if not user[1] then return 'UNKNOWN_USER' end
if ARGV[1] ~= '' then redis.call('HINCRBY', KEYS[1], ARGV[1], 1) end
-- One string, items joined by newlines (see flat in prelude.lua): cheaper for Redis 6.2 to write.
return 'OK\n' .. user[1] .. '\n' .. (user[2] or '')
