-- The user's half of deleteUser: the user record goes at once, so from here on no join can pass
-- note-joined.lua. What is left in the hash are the instances still to erase the user from
-- ("n|meeting id" fields, see note-joined.lua), taken in batches (erase.lua) and removed as each
-- batch is done, so a deleteUser that stops half-way is finished by the next one.
-- KEYS: 1 user hash
-- Returns {1 if the user existed else 0, life or ''}
local user = redis.call('HMGET', KEYS[1], 'email', 'p', 'life')
-- (`p` and the fields of the layout before it, see Profile.java.)
redis.call('HDEL', KEYS[1], 'email', 'p', 'name', 'age', 'gender', 'life')
return {user[1] and 1 or 0, user[2] and string.match(user[2], '^[^|]*') or user[3] or ''}
