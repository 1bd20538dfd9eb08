-- What the meeting's own keys say of one instance the index lists as active, for the repair walk.
-- KEYS: 1 starts, 2 ended
-- ARGV: 1 instance
-- Returns {'OPEN'} | {'ENDED'} | {'GONE'} (deleted)
if not redis.call('ZSCORE', KEYS[1], ARGV[1]) then return {'GONE'} end
if redis.call('SISMEMBER', KEYS[2], ARGV[1]) == 1 then return {'ENDED'} end
return {'OPEN'}
