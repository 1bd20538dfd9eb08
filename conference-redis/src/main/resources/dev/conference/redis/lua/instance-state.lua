-- What the meeting's own keys say of one instance the index lists as active, for the repair walk.
-- KEYS: 1 starts, 2 ended, 3 closing
-- ARGV: 1 instance
-- Returns {'OPEN'} | {'CLOSING'} (an ending left half-way) | {'ENDED'} | {'GONE'} (deleted)
if not redis.call('ZSCORE', KEYS[1], ARGV[1]) then return {'GONE'} end
if redis.call('HEXISTS', KEYS[3], ARGV[1]) == 1 then return {'CLOSING'} end
if redis.call('SISMEMBER', KEYS[2], ARGV[1]) == 1 then return {'ENDED'} end
return {'OPEN'}
