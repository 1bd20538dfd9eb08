-- Creates or replaces a user's profile. A new user starts a new life (erase.lua tells lives apart);
-- an update keeps the one it has.
-- KEYS: 1 user hash
-- ARGV: 1 a new life, 2 name, 3 age, 4 gender, 5 email
-- Returns {'OK'}
redis.call('HSETNX', KEYS[1], 'life', ARGV[1])
redis.call('HSET', KEYS[1], 'name', ARGV[2], 'age', ARGV[3], 'gender', ARGV[4], 'email', ARGV[5])
return {'OK'}
