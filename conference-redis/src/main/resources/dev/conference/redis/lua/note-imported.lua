-- The user's half of an import, run before the meeting's half (import.lua), as note-joined.lua is
-- for a join: the user must exist, and each instance their records go to is counted in
-- `joined-in`, where deleteUser finds every instance to erase them from.
-- KEYS: 1 user hash, 2 joined-in hash ("n|meeting id" -> count)
-- ARGV: "n|meeting id" of each instance the user's records go to
-- Returns, flat: 'OK', life | 'UNKNOWN_USER'
if redis.call('EXISTS', KEYS[1]) == 0 then return 'UNKNOWN_USER' end
for i = 1, #ARGV do redis.call('HINCRBY', KEYS[2], ARGV[i], 1) end
return 'OK\n' .. (redis.call('HGET', KEYS[1], 'life') or '')
