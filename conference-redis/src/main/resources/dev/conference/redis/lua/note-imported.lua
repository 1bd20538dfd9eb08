-- The user's half of an import, run before the meeting's half (import.lua), as note-joined.lua is
-- for a join: the user must exist, and each instance their records go to is noted in the user's
-- hash, where deleteUser finds every instance to erase them from.
-- KEYS: 1 user hash
-- ARGV: "n|meeting id" of each instance the user's records go to
-- Returns, flat: 'OK', life | 'UNKNOWN_USER'
local user = redis.call('HMGET', KEYS[1], 'email', 'p', 'life')
if not user[1] then return 'UNKNOWN_USER' end
-- The life leads `p`; a user of the layout before `p` has a field of it (see Profile.java).
local life = user[2] and string.match(user[2], '^[^|]*') or user[3] or ''
for i = 1, #ARGV do redis.call('HSET', KEYS[1], ARGV[i], '1') end
return 'OK\n' .. life
