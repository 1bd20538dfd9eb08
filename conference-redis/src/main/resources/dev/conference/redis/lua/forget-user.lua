-- The user's half of deleteUser: the user record goes at once, so from here on no join can pass
-- note-joined.lua. What is left of `joined-in` is the list of instances still to erase the user
-- from, taken in batches (erase.lua) and removed as each batch is done, so a deleteUser that stops
-- half-way is finished by the next one.
-- KEYS: 1 user hash
-- Returns {1 if the user existed else 0, life or ''}
local life = redis.call('HGET', KEYS[1], 'life') or ''
return {redis.call('DEL', KEYS[1]), life}
