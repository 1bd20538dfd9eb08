-- Creates or replaces a user's profile. A new user starts a new life (erase.lua tells lives apart);
-- an update keeps the one it has, and moves a profile of the layout before (a field each) into `p`.
-- KEYS: 1 user hash
-- ARGV: 1 a new life, 2 what `p` holds after the life (Profile.afterLife), 3 email
-- Returns {'OK'}
local old = redis.call('HMGET', KEYS[1], 'p', 'life')
local life = old[1] and string.match(old[1], '^[^|]*') or old[2] or ARGV[1]
redis.call('HSET', KEYS[1], 'email', ARGV[3], 'p', life .. '|' .. ARGV[2])
if old[2] then redis.call('HDEL', KEYS[1], 'name', 'age', 'gender', 'life') end
return {'OK'}
